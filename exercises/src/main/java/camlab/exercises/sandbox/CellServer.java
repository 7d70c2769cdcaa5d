package camlab.exercises.sandbox;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The main class of a cell JVM: it loads exercise cells' class files — compiled by a compiler JVM and checked by the
 * grading JVM, each in a class loader of its own under a key — and answers calls to their methods, one at a time,
 * until told to stop. One cell JVM serves the cells of one student.
 *
 * <p>The grading JVM runs the grader; this JVM only runs the student's method on the arguments it is sent and
 * reports the result (or what was thrown). Whatever the cell's code does here, it can only make its own
 * answers wrong: it never sees a grader, an expected value or a verdict. Standard input and output carry
 * {@link Wire} frames; the cell's {@code System.out} and {@code System.err} go to standard error, and its
 * {@code System.in} is empty.
 */
public final class CellServer {
  /** Freed when the cell exhausts the heap, so that the report can still be written. */
  private static byte[] reserve = new byte[4 << 20];

  private final DataInputStream in;
  private final DataOutputStream out;
  private final CellObjects objects = new CellObjects();
  private final Map<Integer, LoadedCell> cells = new HashMap<>();
  private volatile boolean stopping;
  /** The cell whose code runs now: where System.exit and exceptions are located. */
  private volatile LoadedCell current;

  /** A loaded cell: its method, the instance it is called on, and the threads that were running before it loaded. */
  private record LoadedCell(String cellClass, int headerLines, Method method, Object receiver, Set<Thread> threadsBefore) {}

  private CellServer(DataInputStream in, DataOutputStream out) {
    this.in = in;
    this.out = out;
  }

  public static void main(String[] args) {
    DataOutputStream channel = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    DataInputStream requests = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
    PrintStream cellOutput = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.setOut(cellOutput);
    System.setErr(cellOutput);
    System.setIn(new ByteArrayInputStream(new byte[0]));
    int code;
    try {
      code = new CellServer(requests, channel).serve();
    } catch (Throwable t) {
      System.err.println("cell JVM: " + t);
      code = 70;
    }
    cellOutput.flush();
    Runtime.getRuntime().halt(code); // threads the cell may have started must not keep this JVM alive
  }

  private int serve() throws IOException {
    warmUpEngine();
    Runtime.getRuntime().addShutdownHook(new Thread(this::reportExit, "report-exit"));
    while (true) {
      Wire.Frame frame = next();
      if (frame == null || frame.type() == Wire.Type.BYE) break;
      switch (frame.type()) {
        case LOAD -> load(frame.reader());
        case CALL -> call(frame.reader());
        case UNLOAD -> unload(frame.reader());
        default -> throw new Wire.ProtocolException("a " + frame.type() + " frame sent to a cell JVM");
      }
    }
    stopping = true;
    objects.close();
    return 0;
  }

  private void load(Wire.Payload request) throws IOException {
    int key = request.readInt();
    CellSignature signature = CellSignature.read(request);
    int headerLines = request.readInt();
    Map<String, byte[]> classes = new HashMap<>();
    int n = request.readCount(8);
    for (int i = 0; i < n; i++) classes.put(request.readString(), request.readBytes());
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    current = new LoadedCell(signature.cellClass(), headerLines, null, null, before);
    try {
      CellClassLoader loader = new CellClassLoader(classes, CellServer.class.getClassLoader());
      Class<?> cell = Class.forName(signature.cellClass(), true, loader); // static initializers run now
      Method method = cell.getDeclaredMethod(signature.methodName(), parameterTypes(signature, loader));
      method.setAccessible(true);
      Object receiver = Modifier.isStatic(method.getModifiers()) ? null : instantiate(cell); // field initializers run now
      cells.put(key, new LoadedCell(signature.cellClass(), headerLines, method, receiver, before));
    } catch (Throwable t) {
      Throwable cause = t instanceof ExceptionInInitializerError || t instanceof InvocationTargetException ? t.getCause() : t;
      if (cause instanceof OutOfMemoryError) reserve = null;
      cells.put(key, current); // unloading it still counts the threads its initializers started
      sendThrown(Wire.Type.INIT_FAILED, cause == null ? t : cause);
      return;
    }
    send(Wire.Type.READY, new Wire.PayloadWriter());
  }

  /** Forgets a cell, and says how many of the threads it started still run (the grading JVM then starts afresh). */
  private void unload(Wire.Payload request) throws IOException {
    LoadedCell cell = cells.remove(request.readInt());
    objects.close();
    int stray = 0;
    if (cell != null) {
      for (Thread t : Thread.getAllStackTraces().keySet()) if (t.isAlive() && !cell.threadsBefore().contains(t)) stray++;
    }
    current = null;
    send(Wire.Type.UNLOADED, new Wire.PayloadWriter().writeInt(stray));
  }

  private void call(Wire.Payload request) throws IOException {
    LoadedCell cell = cells.get(request.readInt());
    if (cell == null || cell.method() == null) throw new Wire.ProtocolException("a call to a cell that is not loaded");
    current = cell;
    Method method = cell.method();
    Object receiver = cell.receiver();
    objects.startTest(request.readLong());
    int n = request.readCount(1);
    if (n != method.getParameterCount()) throw new Wire.ProtocolException("a call with " + n + " arguments");
    Object[] args = new Object[n];
    for (int i = 0; i < n; i++) args[i] = Values.read(request, objects);
    Object result;
    try {
      result = method.invoke(receiver, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof OutOfMemoryError) reserve = null;
      sendThrown(Wire.Type.THREW, e.getCause());
      return;
    } catch (IllegalArgumentException e) {
      throw new Wire.ProtocolException("arguments that do not fit the cell's method: " + e.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IOException(e);
    }
    Wire.PayloadWriter reply = new Wire.PayloadWriter();
    try {
      Values.write(reply, result, objects);
      for (Object arg : args) Values.write(reply, afterCall(arg), objects);
    } catch (RuntimeException e) {
      sendThrown(Wire.Type.THREW, e); // e.g. the cell returned an array it had already closed
      return;
    }
    send(Wire.Type.RETURNED, reply);
  }

  /** What the grading JVM needs back of an argument: arrays and NDArrays (the cell may have changed them), nothing else. */
  private static Object afterCall(Object arg) {
    return arg != null && (arg.getClass().isArray() || arg instanceof ai.djl.ndarray.NDArray) ? arg : null;
  }

  private static Object instantiate(Class<?> cell) throws ReflectiveOperationException {
    var constructor = cell.getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }

  /** {@code float[][]} → {@code float[][].class}, resolving class names with {@code loader}. */
  private static Class<?>[] parameterTypes(CellSignature signature, ClassLoader loader) throws ClassNotFoundException {
    Class<?>[] types = new Class<?>[signature.parameters().size()];
    for (int i = 0; i < types.length; i++) {
      String name = signature.parameters().get(i);
      int dims = 0;
      while (name.endsWith("[]")) {
        name = name.substring(0, name.length() - 2);
        dims++;
      }
      Class<?> type = switch (name) {
        case "int" -> int.class;
        case "long" -> long.class;
        case "float" -> float.class;
        case "double" -> double.class;
        case "boolean" -> boolean.class;
        case "byte" -> byte.class;
        case "short" -> short.class;
        case "char" -> char.class;
        default -> Class.forName(name, false, loader);
      };
      for (int d = 0; d < dims; d++) type = type.arrayType();
      types[i] = type;
    }
    return types;
  }

  private void sendThrown(Wire.Type type, Throwable t) throws IOException {
    Wire.PayloadWriter payload = new Wire.PayloadWriter();
    LoadedCell cell = current;
    Thrown.of(t, cell == null ? null : cell.cellClass(), cell == null ? 0 : cell.headerLines()).write(payload);
    send(type, payload);
  }

  /** The shutdown hook: the cell called System.exit (a normal stop halts without running hooks). */
  private void reportExit() {
    if (stopping) return;
    try {
      send(Wire.Type.EXIT, new Wire.PayloadWriter().writeInt(exitLine()));
    } catch (IOException e) {
      // the grading JVM sees the channel end instead
    }
  }

  /** The cell line of the thread that called System.exit, read from inside the shutdown hook; 0 if not found. */
  private int exitLine() {
    LoadedCell cell = current;
    if (cell == null) return 0;
    for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
      for (StackTraceElement frame : stack) {
        if (frame.getClassName().equals("java.lang.Shutdown")
            || (frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit"))) {
          return Thrown.cellLineOf(stack, cell.cellClass(), cell.headerLines());
        }
      }
    }
    return 0;
  }

  private Wire.Frame next() throws IOException {
    try {
      return Wire.read(in);
    } catch (EOFException e) {
      return null; // the grading JVM has gone
    }
  }

  private void send(Wire.Type type, Wire.PayloadWriter payload) throws IOException {
    byte[] bytes = payload.toByteArray();
    synchronized (out) {
      Wire.write(out, type, bytes);
    }
  }

  /**
   * Loads DJL's engine (native libraries, thread pools) while the cell is compiled and checked elsewhere: it is the
   * bulk of a cell JVM's start. Failures are left for the first call to meet and report.
   */
  private static void warmUpEngine() {
    Thread warmUp = new Thread(() -> {
      try (NDManager manager = NDManager.newBaseManager()) {
        manager.zeros(new Shape(1)).sum();
      } catch (RuntimeException | LinkageError e) {
        // the cell's first NDArray call fails the same way, with a message
      }
    }, "engine-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  /** Defines the cell's classes from the bytes the grading JVM has checked. */
  private static final class CellClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    CellClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
      super("cell", parent);
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) throw new ClassNotFoundException(name);
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
