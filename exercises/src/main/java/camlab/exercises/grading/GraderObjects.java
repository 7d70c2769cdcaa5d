package camlab.exercises.grading;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import camlab.exercises.sandbox.ArrayData;
import camlab.exercises.sandbox.HeadRecipe;
import camlab.exercises.sandbox.Values;
import camlab.exercises.sandbox.Wire;
import camlab.model.Classifier;

/**
 * The grading JVM's side of the NDArrays and models a grader passes to a cell: each gets an id for the test, so
 * that what the cell did to it comes back to the grader's own object — an argument the cell changed is changed
 * here too, one it closed is closed here, and a result that is an argument is that very argument. Everything
 * else a cell returns is a new array in {@link #resultManager}.
 */
final class GraderObjects implements Values.Objects {
  private final Map<Object, Long> ids = new IdentityHashMap<>();
  private final Map<Long, Object> byId = new HashMap<>();
  private final Map<Long, byte[]> lastKnown = new HashMap<>();
  private long next;
  private NDManager resultManager;

  /** A new test: the cell JVM forgets its copies too. */
  void startTest() {
    ids.clear();
    byId.clear();
    lastKnown.clear();
  }

  /** Where new arrays the cell returns go: the grader's manager (that of the call's first array). */
  void resultManager(NDManager manager) {
    this.resultManager = manager;
  }

  @Override
  public boolean write(Wire.PayloadWriter out, Object value) throws IOException {
    if (value instanceof NDArray array) {
      if (array.isReleased()) throw new IllegalArgumentException("a grader passed a closed NDArray to the cell");
      long id = idOf(array);
      byte[] bytes = ArrayData.bytesOf(array);
      out.writeByte(Values.NDARRAY).writeLong(id).writeBoolean(false);
      ArrayData.write(out, array.getDataType(), array.getShape(), bytes);
      lastKnown.put(id, bytes);
      return true;
    }
    if (value instanceof Classifier model) {
      out.writeByte(Values.MODEL).writeLong(idOf(model)).writeBytes(HeadRecipe.encode(model));
      return true;
    }
    return false;
  }

  private long idOf(Object value) {
    Long id = ids.get(value);
    if (id == null) {
      id = next++;
      ids.put(value, id);
      byId.put(id, value);
    }
    return id;
  }

  @Override
  public Object read(int tag, Wire.Payload in) throws IOException {
    if (tag != Values.NDARRAY) throw new Wire.ProtocolException("a cell cannot return a model");
    long id = in.readLong();
    boolean released = in.readBoolean();
    ArrayData.Content content = released ? null : ArrayData.read(in);
    if (id < 0) return created(content);
    if (!(byId.get(id) instanceof NDArray mine)) throw new Wire.ProtocolException("an array id " + id + " the grader never sent");
    if (released) {
      if (!mine.isReleased()) mine.close(); // the cell closed the grader's argument
      return mine;
    }
    if (!Arrays.equals(lastKnown.get(id), content.bytes())) {
      if (mine.isReleased() || content.type() != mine.getDataType() || !content.shape().equals(mine.getShape())) {
        throw new Wire.ProtocolException("array " + id + " changed its data type or shape");
      }
      content.copyInto(mine); // the cell changed the grader's argument in place
      lastKnown.put(id, content.bytes());
    }
    return mine;
  }

  private NDArray created(ArrayData.Content content) {
    if (resultManager == null) throw new IllegalStateException("a cell returned an NDArray to a call that passed none");
    if (content != null) return content.create(resultManager);
    NDArray closed = resultManager.create(new float[0]);
    closed.close(); // the cell returned an array it had closed
    return closed;
  }
}
