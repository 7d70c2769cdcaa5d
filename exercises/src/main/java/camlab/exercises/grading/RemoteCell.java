package camlab.exercises.grading;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import camlab.exercises.cell.NotSolvedYet;
import camlab.exercises.registry.Exercise;
import camlab.exercises.sandbox.CompilerServer;
import camlab.exercises.sandbox.Thrown;
import camlab.exercises.sandbox.Values;
import camlab.exercises.sandbox.Wire;

/**
 * The grading JVM's handle on one cell JVM, which serves the cells of one student one after another: load a cell's
 * checked class files, call its method, unload it. Everything the cell JVM
 * sends is checked before it is believed, and nothing it sends can be a verdict — only a result, which the
 * grader judges here. When the cell JVM ends or is stopped, the reason becomes a {@link CellStopped} that every
 * later call repeats.
 */
final class RemoteCell implements AutoCloseable {
  private final CellProcess process;
  private final GradeSettings settings;
  private Exercise exercise;
  private final GraderObjects objects = new GraderObjects();
  private NDManager fallbackManager;
  private long test;
  private String phase = " while setting up the cell's fields";
  private Integer exitLine;
  private CellStopped stopped;

  RemoteCell(CellProcess process, GradeSettings settings) {
    this.process = process;
    this.settings = settings;
  }

  /**
   * Loads a cell's checked class files under {@code key}, for {@code exercise}; what its initializers threw, if anything.
   * The cell has the settings' time limit from now on.
   */
  Optional<Thrown> load(int key, Exercise exercise, RemoteCompiler.Compiled.Classes compiled) {
    this.exercise = exercise;
    phase = " while setting up the cell's fields";
    process.setDeadline(settings.timeout());
    process.startCell();
    Wire.PayloadWriter request = new Wire.PayloadWriter();
    try {
      request.writeInt(key);
      exercise.cellSignature().write(request);
      request.writeInt(compiled.headerLines());
      CompilerServer.writeClasses(request, compiled.classes());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    send(Wire.Type.LOAD, request);
    Wire.Frame reply = reply(Wire.Type.READY, Wire.Type.INIT_FAILED);
    if (reply.type() == Wire.Type.READY) return Optional.empty();
    try {
      return Optional.of(Thrown.read(reply.reader()));
    } catch (Wire.ProtocolException e) {
      throw stop(e);
    }
  }

  /** A new grader test begins: the cell JVM starts it with fresh copies of the arguments. */
  void startTest(String name) {
    test++;
    phase = " in test '" + name + "'";
    objects.startTest();
  }

  /**
   * Forgets cell {@code key}; true when threads it started still run (then this JVM should serve no other cell).
   * The JVM has no time limit while it waits for the next cell.
   */
  boolean unload(int key) {
    send(Wire.Type.UNLOAD, keyPayload(key));
    Wire.Frame reply = reply(Wire.Type.UNLOADED);
    process.clearDeadline();
    try {
      return reply.reader().readInt() > 0;
    } catch (Wire.ProtocolException e) {
      throw stop(e);
    }
  }

  private static Wire.PayloadWriter keyPayload(int key) {
    try {
      return new Wire.PayloadWriter().writeInt(key);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The contract's interface, each call forwarded to cell {@code key}. */
  Object asContract(int key, Class<?> contract) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "toString" -> "the " + exercise.contract().methodName() + " of cell " + exercise.id();
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(method.getName());
        };
      }
      return call(key, method, args == null ? new Object[0] : args);
    };
    return Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract}, handler);
  }

  /** Calls cell {@code key}'s method with {@code args}; what the cell did to them is copied back into them. */
  Object call(int key, Method method, Object[] args) {
    if (stopped != null) throw stopped;
    objects.resultManager(resultManager(args));
    Wire.PayloadWriter request = new Wire.PayloadWriter();
    try {
      request.writeInt(key).writeLong(test).writeInt(args.length);
      for (Object arg : args) Values.write(request, arg, objects);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    send(Wire.Type.CALL, request);
    Wire.Frame reply = reply(Wire.Type.RETURNED, Wire.Type.THREW);
    try {
      Wire.Payload in = reply.reader();
      if (reply.type() == Wire.Type.THREW) throw raise(Thrown.read(in));
      Object result = Values.read(in, objects);
      for (Object arg : args) copyBack(arg, Values.read(in, objects));
      if (in.remaining() != 0) throw new Wire.ProtocolException(in.remaining() + " bytes after a call's reply");
      return checkedResult(method, result);
    } catch (IOException e) {
      throw stop(e);
    }
  }

  private NDManager resultManager(Object[] args) {
    for (Object arg : args) if (arg instanceof NDArray a && !a.isReleased()) return a.getManager();
    if (fallbackManager == null) fallbackManager = NDManager.newBaseManager();
    return fallbackManager;
  }

  private RuntimeException raise(Thrown thrown) {
    switch (thrown.kind()) {
      case NOT_SOLVED_YET:
        return new NotSolvedYet(exercise.id());
      case OUT_OF_MEMORY:
        process.kill();
        stopped = new CellStopped("ran out of memory" + (thrown.cellLine() > 0 ? " at cell line " + thrown.cellLine() : "") + phase
            + " (heap limit " + settings.heapMb() + " MB) — does the cell keep allocating?");
        throw stopped;
      default:
        return new StudentFailure(thrown);
    }
  }

  private static Object checkedResult(Method method, Object result) throws Wire.ProtocolException {
    Class<?> type = method.getReturnType();
    if (result == null) {
      if (type.isPrimitive()) throw new Wire.ProtocolException("null for a " + type);
      return null;
    }
    if (!Values.boxed(type).isInstance(result)) {
      throw new Wire.ProtocolException("a " + result.getClass().getSimpleName() + " for a " + type.getSimpleName());
    }
    return result;
  }

  /** Makes {@code original} (a grader's array argument) hold what the cell left in its copy. */
  private static void copyBack(Object original, Object after) throws Wire.ProtocolException {
    if (original == null || !original.getClass().isArray()) return;
    if (after == null || after.getClass() != original.getClass() || Array.getLength(after) != Array.getLength(original)) {
      throw new Wire.ProtocolException("an array argument came back as something else");
    }
    int n = Array.getLength(original);
    if (original.getClass().getComponentType().isPrimitive()) {
      System.arraycopy(after, 0, original, 0, n);
      return;
    }
    Object[] mine = (Object[]) original;
    Object[] theirs = (Object[]) after;
    for (int i = 0; i < n; i++) {
      Object m = mine[i];
      Object t = theirs[i];
      if (m != null && t != null && m.getClass().isArray() && m.getClass() == t.getClass() && Array.getLength(m) == Array.getLength(t)) {
        copyBack(m, t);
      } else if (!(m instanceof NDArray)) {
        mine[i] = t; // the cell replaced the element
      }
    }
  }

  private void send(Wire.Type type, Wire.PayloadWriter payload) {
    if (stopped != null) throw stopped;
    try {
      Wire.write(process.out(), type, payload.toByteArray());
    } catch (IOException e) {
      throw stop(null); // the cell JVM has ended: its reason, not the broken pipe, is the story
    }
  }

  private Wire.Frame reply(Wire.Type... expected) {
    Wire.Frame frame;
    try {
      frame = Wire.read(process.in());
    } catch (Wire.ProtocolException e) {
      throw stop(e);
    } catch (IOException e) {
      throw stop(null);
    }
    if (frame.type() == Wire.Type.EXIT) {
      try {
        exitLine = frame.reader().readInt();
      } catch (Wire.ProtocolException e) {
        exitLine = 0;
      }
      throw stop(null);
    }
    for (Wire.Type t : expected) if (frame.type() == t) return frame;
    throw stop(new Wire.ProtocolException("a " + frame.type() + " frame where " + java.util.Arrays.toString(expected) + " was due"));
  }

  /** Ends the cell JVM (if it has not ended) and records why, for this and every later call. */
  private CellStopped stop(IOException protocolProblem) {
    if (stopped != null) return stopped;
    int code = process.exitCode(protocolProblem == null ? 5000 : 0);
    process.kill();
    if (code < 0) code = process.exitCode(5000);
    stopped = new CellStopped(reason(code, protocolProblem));
    return stopped;
  }

  private String reason(int exitCode, IOException protocolProblem) {
    Optional<CellProcess.Stop> limit = process.stop();
    if (limit.isPresent()) {
      return switch (limit.get().limit()) {
        case TIMEOUT -> "timed out after " + seconds() + phase + " — an endless loop, or a much slower computation than needed?";
        case MEMORY -> "used more than " + settings.memoryMb() + " MB of memory" + phase
            + " and was stopped — does the cell keep allocating (NDArrays, arrays, lists)?";
        case OUTPUT -> "printed more than " + size(settings.outputLimitKb()) + phase + " — remove the debug printing from the cell";
        case PROCESSES -> "started an operating-system process (" + clip(limit.get().detail()) + ")" + phase
            + " — an exercise cell may not start processes";
      };
    }
    if (exitLine != null) {
      return "called System.exit(" + exitCode + ")" + (exitLine > 0 ? " at cell line " + exitLine : "") + phase
          + " — an exercise method must return its result, not end the program";
    }
    if (protocolProblem != null) {
      return "broke the grading protocol" + phase + " (" + protocolProblem.getMessage()
          + ") — did the cell write to the process's standard output directly?";
    }
    return "the grading JVM stopped unexpectedly (exit code " + exitCode + ")" + phase
        + " — did the cell call Runtime.halt or crash native code?";
  }

  Optional<CellStopped> stopped() {
    return Optional.ofNullable(stopped);
  }

  private String seconds() {
    long ms = settings.timeout().toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
  }

  static String size(int kb) {
    return kb >= 1024 && kb % 1024 == 0 ? kb / 1024 + " MB" : kb + " KB";
  }

  private static String clip(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + " …";
  }

  @Override
  public void close() {
    if (stopped == null) {
      try {
        Wire.write(process.out(), Wire.Type.BYE, new byte[0]);
      } catch (IOException e) {
        // it has ended already
      }
    }
    process.close();
    if (fallbackManager != null) fallbackManager.close();
  }
}
