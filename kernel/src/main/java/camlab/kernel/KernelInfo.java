package camlab.kernel;

import camlab.kernel.extension.Extensions;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What {@code kernel_info} says: the kernel's version (baked into the jar at build time, camlab-kernel.properties), the
 * language, and a banner and help links to which the extensions add their own.
 */
public final class KernelInfo {
  private final Properties props;
  private final List<String> extensionLines;
  private final Map<String, String> extensionLinks;

  private KernelInfo(Properties props, List<String> extensionLines, Map<String, String> extensionLinks) {
    this.props = props;
    this.extensionLines = List.copyOf(extensionLines);
    this.extensionLinks = new LinkedHashMap<>(extensionLinks);
  }

  public static KernelInfo load() {
    Properties p = new Properties();
    try (InputStream in = KernelInfo.class.getResourceAsStream("camlab-kernel.properties")) {
      if (in == null) throw new IllegalStateException("camlab-kernel.properties is missing from the kernel jar: rebuild it");
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new KernelInfo(p, List.of(), Map.of());
  }

  /** This info with the extensions' banner lines and help links. */
  public KernelInfo with(Extensions extensions) {
    return new KernelInfo(props, extensions.bannerLines(), extensions.helpLinks());
  }

  public String kernelVersion() {
    return props.getProperty("kernel.version");
  }

  /** kernel_info's language_info: what frontends need to highlight and save Java cells. */
  public JsonObject languageInfo() {
    JsonObject o = new JsonObject();
    o.addProperty("name", "java");
    o.addProperty("version", System.getProperty("java.version"));
    o.addProperty("mimetype", "text/x-java-source");
    o.addProperty("file_extension", ".jshell");
    o.addProperty("pygments_lexer", "java");
    o.addProperty("codemirror_mode", "text/x-java");
    return o;
  }

  public String banner() {
    StringBuilder b = new StringBuilder("CamLab Java kernel " + kernelVersion() + "\n"
        + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), JShell in-process\n");
    for (String line : extensionLines) b.append(line).append('\n');
    return b.append("display(x), render(x), updateDisplay(id, x); magics: %lsmagic").toString();
  }

  /** kernel_info's help_links: the Java API documentation, then the extensions' links. */
  public JsonArray helpLinks() {
    JsonArray links = new JsonArray();
    link(links, "Java " + Runtime.version().feature() + " API",
        "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/");
    extensionLinks.forEach((text, url) -> link(links, text, url));
    return links;
  }

  private static void link(JsonArray links, String text, String url) {
    JsonObject o = new JsonObject();
    o.addProperty("text", text);
    o.addProperty("url", url);
    links.add(o);
  }
}
