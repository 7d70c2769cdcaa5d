package camlab.kernel;

import camlab.kernel.output.OutputRouter;
import camlab.kernel.protocol.IOPub;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/** Publishes the output router's streams and displays on IOPub. */
final class IOPubOutput implements OutputRouter.Publisher {
  private final IOPub iopub;

  IOPubOutput(IOPub iopub) {
    this.iopub = iopub;
  }

  @Override
  public void stream(JsonObject parent, String name, String text) {
    JsonObject content = new JsonObject();
    content.addProperty("name", name);
    content.addProperty("text", text);
    iopub.publish("stream", content, parent);
  }

  @Override
  public void display(JsonObject parent, DisplayData data, boolean update) {
    iopub.publish(update ? "update_display_data" : "display_data", KernelServer.displayContent(data), parent);
  }
}
