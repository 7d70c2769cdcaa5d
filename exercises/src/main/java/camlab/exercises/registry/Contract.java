package camlab.exercises.registry;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import camlab.exercises.sandbox.CellCompiler;
import camlab.exercises.sandbox.CellSignature;

/**
 * The method an exercise cell must define, given as a one-method interface.
 *
 * <p>The cell itself never implements the interface (JShell cells are top-level methods); the grader
 * finds the cell's method by name and parameter types and adapts it to the interface.
 */
public record Contract(Class<?> type, Method method) {

  /** The contract described by {@code functionalInterface}'s single abstract method. */
  public static Contract of(Class<?> functionalInterface) {
    if (!functionalInterface.isInterface()) {
      throw new IllegalArgumentException(functionalInterface.getName() + " must be an interface");
    }
    List<Method> abstractMethods = Arrays.stream(functionalInterface.getMethods())
        .filter(m -> Modifier.isAbstract(m.getModifiers()))
        .collect(Collectors.toList());
    if (abstractMethods.size() != 1) {
      throw new IllegalArgumentException(functionalInterface.getName()
          + " must declare exactly one abstract method, found " + abstractMethods.size());
    }
    return new Contract(functionalInterface, abstractMethods.get(0));
  }

  public String methodName() {
    return method.getName();
  }

  /** The signature as the student writes it, e.g. {@code NDArray classActivationMap(NDArray features, NDArray classWeights)}. */
  public String signature() {
    String params = Arrays.stream(method.getParameters()).map(Contract::describe).collect(Collectors.joining(", "));
    return simpleName(method.getGenericReturnType().getTypeName()) + " " + method.getName() + "(" + params + ")";
  }

  private static String describe(Parameter p) {
    return simpleName(p.getParameterizedType().getTypeName()) + " " + p.getName();
  }

  /** {@code java.util.List<ai.djl.ndarray.NDArray>} → {@code List<NDArray>}. */
  public static String simpleName(String typeName) {
    return CellCompiler.simpleName(typeName);
  }

  /** The method as a cell JVM checks it, in the cell compiled as {@code cellClass} for exercise {@code exerciseId}. */
  public CellSignature cellSignature(String cellClass, String exerciseId) {
    List<String> parameters = Arrays.stream(method.getParameterTypes()).map(Contract::javacName).toList();
    return new CellSignature(cellClass, exerciseId, method.getName(), parameters,
        javacName(method.getReturnType()), signature());
  }

  /** The erased type as javac prints it: {@code float[][]}, {@code camlab.model.Classifier}, nested classes with dots. */
  private static String javacName(Class<?> type) {
    return type.getTypeName().replace('$', '.');
  }
}
