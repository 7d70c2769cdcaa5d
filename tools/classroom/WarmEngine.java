/**
 * Starts DJL's PyTorch engine once, so that its native library is unpacked into DJL_CACHE_DIR before that folder is made
 * read-only for the class. Run by tools/classroom/hub-setup.sh as a single-file program on the kernel's class path.
 */
public class WarmEngine {
  public static void main(String[] args) {
    ai.djl.engine.Engine engine = ai.djl.engine.Engine.getEngine("PyTorch");
    System.out.println("PyTorch " + engine.getVersion() + " unpacked in " + System.getProperty("DJL_CACHE_DIR"));
  }
}
