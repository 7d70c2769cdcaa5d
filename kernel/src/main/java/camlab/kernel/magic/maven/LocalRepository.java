package camlab.kernel.magic.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/** A local Maven repository ({@code ~/.m2/repository}): where POMs and jars of each version are. */
public final class LocalRepository {
  private final Path root;

  public LocalRepository(Path root) {
    this.root = root;
  }

  /**
   * The repository Maven itself uses: {@code -Dmaven.repo.local}, else {@code localRepository} in
   * {@code ~/.m2/settings.xml}, else {@code ~/.m2/repository}.
   */
  public static LocalRepository standard() {
    String property = System.getProperty("maven.repo.local");
    if (property != null && !property.isBlank()) return new LocalRepository(Path.of(property));
    Path m2 = Path.of(System.getProperty("user.home"), ".m2");
    Path settings = m2.resolve("settings.xml");
    if (Files.isRegularFile(settings)) {
      try {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setExpandEntityReferences(false);
        Document doc = f.newDocumentBuilder().parse(settings.toFile());
        Node n = doc.getElementsByTagName("localRepository").item(0);
        if (n != null && !n.getTextContent().isBlank()) {
          return new LocalRepository(Path.of(n.getTextContent().strip().replace("${user.home}", System.getProperty("user.home"))));
        }
      } catch (Exception unreadable) {
        // Maven would fail on it too; the default location is the best guess
      }
    }
    return new LocalRepository(m2.resolve("repository"));
  }

  public Path root() {
    return root;
  }

  /** The folder that holds every version of the artifact. */
  public Path artifactFolder(Coordinates c) {
    return root.resolve(c.groupId().replace('.', '/')).resolve(c.artifactId());
  }

  public Path folder(Coordinates c) {
    return root.resolve(c.groupId().replace('.', '/')).resolve(c.artifactId()).resolve(c.version());
  }

  public Path pom(Coordinates c) {
    return folder(c).resolve(c.artifactId() + "-" + c.version() + ".pom");
  }

  public Path jar(Coordinates c) {
    return folder(c).resolve(c.fileName());
  }

  /** The versions of {@code group:artifact} that have a folder here. */
  public List<String> versions(String groupId, String artifactId) {
    Path dir = root.resolve(groupId.replace('.', '/')).resolve(artifactId);
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> children = Files.list(dir)) {
      List<String> out = new ArrayList<>();
      children.filter(Files::isDirectory).forEach(p -> out.add(p.getFileName().toString()));
      return out;
    } catch (IOException e) {
      return List.of();
    }
  }
}
