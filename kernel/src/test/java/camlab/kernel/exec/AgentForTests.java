package camlab.kernel.exec;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Starts {@link KernelAgent} in the test JVM, which runs from class folders, not from the kernel jar whose
 * manifest starts it: a manifest-only jar attached to this JVM (surefire passes -Djdk.attach.allowAttachSelf=true).
 */
public final class AgentForTests {
  private AgentForTests() {}

  public static synchronized void install() throws Exception {
    if (KernelAgent.redefiner() != null) return;
    Path jar = Files.createTempFile("camlab-kernel-agent", ".jar");
    jar.toFile().deleteOnExit();
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().putValue("Agent-Class", KernelAgent.class.getName());
    m.getMainAttributes().putValue("Can-Redefine-Classes", "true");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
      j.flush();
    } catch (IOException e) {
      throw new IOException("cannot write the test agent jar " + jar, e);
    }
    VirtualMachine self = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
    try {
      self.loadAgent(jar.toString());
    } finally {
      self.detach();
    }
    if (KernelAgent.redefiner() == null) throw new IllegalStateException("the kernel agent did not start");
  }
}
