package camlab.exercises.grading;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;

/**
 * Makes a compiled cell look like its contract interface. The cell declares a top-level method (as in
 * JShell), not an implementation of the interface; a proxy forwards the interface call to it.
 */
final class StudentAdapter {
  private StudentAdapter() {}

  /** An implementation of {@code contract} backed by the cell class's method of the same name and parameters. */
  static Object create(Class<?> contract, Class<?> cellClass, Method contractMethod) throws ReflectiveOperationException {
    Method method = cellClass.getDeclaredMethod(contractMethod.getName(), contractMethod.getParameterTypes());
    method.setAccessible(true);
    Object target = null;
    if (!Modifier.isStatic(method.getModifiers())) {
      var constructor = cellClass.getDeclaredConstructor();
      constructor.setAccessible(true);
      target = constructor.newInstance(); // runs the cell's field initializers
    }
    Object receiver = target;
    InvocationHandler handler = (proxy, called, args) -> {
      if (called.getDeclaringClass() == Object.class) {
        return switch (called.getName()) {
          case "toString" -> "the " + contractMethod.getName() + " of " + cellClass.getSimpleName();
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(called.getName());
        };
      }
      try {
        return method.invoke(receiver, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract}, handler);
  }
}
