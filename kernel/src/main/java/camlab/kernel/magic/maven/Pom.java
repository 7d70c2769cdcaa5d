package camlab.kernel.magic.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A POM as Maven sees it for resolving dependencies: its parents merged in (coordinates, properties, managed
 * versions, dependencies), {@code ${...}} properties filled in, imported BOMs' managed versions added. Profiles are
 * not applied.
 */
final class Pom {
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
  private static final int MAX_PARENTS = 20;

  /** One {@code <dependency>}: version may be empty (managed) or a range; exclusions are "group:artifact" ("*" allowed). */
  record Dependency(Coordinates coordinates, String scope, boolean optional, List<String> exclusions) {
    String managementKey() {
      Coordinates c = coordinates;
      return c.groupId() + ":" + c.artifactId() + ":" + c.type() + ":" + c.classifier();
    }
  }

  /** The POM is not in the local repository, or cannot be read; the message is "no POM at" or the like, before the path. */
  static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;
    final Path path;

    Unavailable(Path path, String why) {
      super(why);
      this.path = path;
    }
  }

  final Coordinates self;
  final List<Dependency> dependencies;
  final Map<String, Dependency> managed;

  private Pom(Coordinates self, List<Dependency> dependencies, Map<String, Dependency> managed) {
    this.self = self;
    this.dependencies = dependencies;
    this.managed = managed;
  }

  /** The version management gives {@code d} when it names none; "" if none does. */
  String managedVersion(Dependency d) {
    Dependency m = managed.get(d.managementKey());
    return m == null ? "" : m.coordinates().version();
  }

  static Pom load(LocalRepository repo, Coordinates c) throws Unavailable {
    return load(repo, c, 0);
  }

  private static Pom load(LocalRepository repo, Coordinates c, int imports) throws Unavailable {
    Merged m = merged(repo, c, 0);
    Map<String, String> props = new HashMap<>(m.properties);
    props.put("project.groupId", m.groupId);
    props.put("project.artifactId", m.artifactId);
    props.put("project.version", m.version);
    props.put("pom.groupId", m.groupId);
    props.put("pom.artifactId", m.artifactId);
    props.put("pom.version", m.version);
    props.put("groupId", m.groupId);
    props.put("artifactId", m.artifactId);
    props.put("version", m.version);
    if (m.parentVersion != null) {
      props.put("project.parent.version", m.parentVersion);
      props.put("parent.version", m.parentVersion);
      props.put("project.parent.groupId", m.parentGroupId);
    }
    Map<String, Dependency> managed = new LinkedHashMap<>();
    List<Dependency> boms = new ArrayList<>();
    for (Dependency raw : m.managed) {
      Dependency d = interpolate(raw, props);
      if (d.scope().equals("import") && d.coordinates().type().equals("pom")) {
        boms.add(d);
      } else {
        managed.putIfAbsent(d.managementKey(), d);
      }
    }
    if (imports < MAX_PARENTS) {
      for (Dependency bom : boms) {
        Pom imported = load(repo, bom.coordinates(), imports + 1);
        imported.managed.forEach(managed::putIfAbsent);
      }
    }
    List<Dependency> deps = new ArrayList<>();
    for (Dependency raw : m.dependencies) deps.add(interpolate(raw, props));
    return new Pom(new Coordinates(m.groupId, m.artifactId, m.version, c.type(), c.classifier()), deps, managed);
  }

  /** The raw model of {@code c} with its parents' merged in, nothing interpolated yet (Maven merges, then interpolates). */
  private static final class Merged {
    String groupId;
    String artifactId;
    String version;
    String parentGroupId;
    String parentVersion;
    final Map<String, String> properties = new HashMap<>();
    final List<Dependency> managed = new ArrayList<>();
    final List<Dependency> dependencies = new ArrayList<>();
  }

  private static Merged merged(LocalRepository repo, Coordinates c, int depth) throws Unavailable {
    Path file = repo.pom(c);
    if (!Files.isRegularFile(file)) throw new Unavailable(file, "no POM at");
    Element project;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setExpandEntityReferences(false);
      Document doc = f.newDocumentBuilder().parse(file.toFile());
      project = doc.getDocumentElement();
    } catch (IOException | org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException e) {
      throw new Unavailable(file, "an unreadable POM (" + e.getMessage() + ") at");
    }
    Merged m = new Merged();
    Element parent = child(project, "parent");
    if (parent != null && depth < MAX_PARENTS) {
      Coordinates p = new Coordinates(text(parent, "groupId"), text(parent, "artifactId"), text(parent, "version"), "pom", "");
      Merged pm = merged(repo, p, depth + 1);
      m.properties.putAll(pm.properties);
      m.managed.addAll(pm.managed);
      m.dependencies.addAll(pm.dependencies);
      m.groupId = pm.groupId;
      m.version = pm.version;
      m.parentGroupId = p.groupId();
      m.parentVersion = p.version();
    }
    if (!text(project, "groupId").isEmpty()) m.groupId = text(project, "groupId");
    if (!text(project, "version").isEmpty()) m.version = text(project, "version");
    m.artifactId = text(project, "artifactId");
    if (m.groupId == null) m.groupId = c.groupId();
    if (m.version == null) m.version = c.version();
    Element props = child(project, "properties");
    if (props != null) {
      for (Element p : children(props)) m.properties.put(p.getTagName(), p.getTextContent().strip());
    }
    Element management = child(project, "dependencyManagement");
    // a child's managed entries and dependencies take precedence over its parent's
    if (management != null) m.managed.addAll(0, dependencies(child(management, "dependencies")));
    m.dependencies.addAll(0, dependencies(child(project, "dependencies")));
    return m;
  }

  private static List<Dependency> dependencies(Element list) {
    List<Dependency> out = new ArrayList<>();
    if (list == null) return out;
    for (Element d : children(list)) {
      if (!d.getTagName().equals("dependency")) continue;
      List<String> exclusions = new ArrayList<>();
      Element ex = child(d, "exclusions");
      if (ex != null) {
        for (Element e : children(ex)) exclusions.add(text(e, "groupId") + ":" + text(e, "artifactId"));
      }
      String type = text(d, "type");
      Coordinates c = new Coordinates(text(d, "groupId"), text(d, "artifactId"), text(d, "version"),
          type.isEmpty() ? "jar" : type, text(d, "classifier"));
      String scope = text(d, "scope");
      out.add(new Dependency(c, scope, "true".equals(text(d, "optional")), exclusions));
    }
    return out;
  }

  private static Dependency interpolate(Dependency d, Map<String, String> props) {
    Coordinates c = d.coordinates();
    Coordinates i = new Coordinates(fill(c.groupId(), props), fill(c.artifactId(), props), fill(c.version(), props),
        fill(c.type(), props), fill(c.classifier(), props));
    List<String> ex = d.exclusions().stream().map(e -> fill(e, props)).toList();
    return new Dependency(i, fill(d.scope(), props), d.optional(), ex);
  }

  /** {@code text} with {@code ${name}} replaced by the property (or Java system property); unknown ones stay. */
  static String fill(String text, Map<String, String> props) {
    String t = text;
    for (int pass = 0; pass < 10 && t.contains("${"); pass++) {
      Matcher m = PROPERTY.matcher(t);
      StringBuilder sb = new StringBuilder();
      boolean changed = false;
      while (m.find()) {
        String value = props.get(m.group(1));
        if (value == null) value = System.getProperty(m.group(1));
        changed |= value != null;
        m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group() : value));
      }
      m.appendTail(sb);
      t = sb.toString();
      if (!changed) break;
    }
    return t;
  }

  private static Element child(Element parent, String name) {
    for (Element e : children(parent)) {
      if (e.getTagName().equals(name)) return e;
    }
    return null;
  }

  private static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) out.add(e);
    }
    return out;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? "" : e.getTextContent().strip();
  }
}
