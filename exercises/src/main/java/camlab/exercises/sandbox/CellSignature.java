package camlab.exercises.sandbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The method an exercise cell must define, in plain strings, so that a cell JVM can check it without the
 * exercise's contract interface (graders and contracts never enter a cell JVM).
 *
 * @param cellClass   the class the cell is compiled as, e.g. {@code Cell_2_1}
 * @param exerciseId  e.g. {@code 2.1}
 * @param methodName  e.g. {@code classActivationMap}
 * @param parameters  erased parameter types as javac prints them, e.g. {@code ai.djl.ndarray.NDArray}, {@code float[][]}
 * @param returnType  the erased return type, printed the same way
 * @param display     the signature as the student writes it, for messages
 */
public record CellSignature(String cellClass, String exerciseId, String methodName, List<String> parameters, String returnType,
    String display) {
  public CellSignature {
    parameters = List.copyOf(parameters);
  }

  public void write(Wire.PayloadWriter out) throws IOException {
    out.writeString(cellClass).writeString(exerciseId).writeString(methodName).writeInt(parameters.size());
    for (String p : parameters) out.writeString(p);
    out.writeString(returnType).writeString(display);
  }

  public static CellSignature read(Wire.Payload in) throws Wire.ProtocolException {
    String cellClass = in.readString();
    String id = in.readString();
    String method = in.readString();
    int n = in.readCount(4);
    List<String> parameters = new ArrayList<>();
    for (int i = 0; i < n; i++) parameters.add(in.readString());
    return new CellSignature(cellClass, id, method, parameters, in.readString(), in.readString());
  }
}
