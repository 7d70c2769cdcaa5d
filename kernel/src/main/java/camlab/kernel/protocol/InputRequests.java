package camlab.kernel.protocol;

import com.google.gson.JsonObject;
import java.io.InterruptedIOException;

/**
 * Asks the frontend for a line of input over the stdin channel (input_request, input_reply), for the cell that
 * sent {@code request}. One question at a time; the asking thread can be interrupted while it waits.
 */
public final class InputRequests {
  private final Channel stdin;
  private final MessageFactory messages;

  public InputRequests(Channel stdin, MessageFactory messages) {
    this.stdin = stdin;
    this.messages = messages;
  }

  /**
   * @return the line the user typed, without a line end
   * @throws InterruptedIOException when the asking thread is interrupted (the cell was interrupted) while it waits
   */
  public synchronized String ask(JupyterMessage request, String prompt, boolean password) throws InterruptedIOException {
    while (stdin.receiveWaiting() != null) {
      // replies to earlier, abandoned questions
    }
    JsonObject content = new JsonObject();
    content.addProperty("prompt", prompt);
    content.addProperty("password", password);
    JupyterMessage question = messages.toFrontend(request, "input_request", content);
    stdin.send(question);
    while (true) {
      if (Thread.interrupted()) throw new InterruptedIOException("interrupted while waiting for input from the notebook");
      JupyterMessage answer = stdin.receive();
      if (answer != null && answer.type().equals("input_reply") && answers(answer, question)) {
        return answer.contentText("value", "");
      }
    }
  }

  /** A reply names the question it answers as its parent; jupyter_client's KernelClient.input() sends none at all. */
  private static boolean answers(JupyterMessage reply, JupyterMessage question) {
    if (!reply.parentHeader().has("msg_id")) return true;
    return reply.parentHeader().get("msg_id").getAsString().equals(question.id());
  }
}
