package camlab.course;

import camlab.kernel.install.Distribution;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/** Versions and JVM flags baked into the course jar at build time (course.properties). */
record CourseBuild(Properties props) {
  static CourseBuild load() {
    Properties p = new Properties();
    try (InputStream in = CourseBuild.class.getResourceAsStream("course.properties")) {
      if (in == null) throw new IllegalStateException("course.properties is missing from the course jar: rebuild it (./mvnw -DskipTests package)");
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CourseBuild(p);
  }

  String get(String key) {
    return props.getProperty(key, "?");
  }

  /** The parent POM's {@code camlab.jvmArgs}: DJL offline, its cache, the direct-memory cap, headless. */
  List<String> jvmArgs() {
    return Distribution.splitJvmArgs(props.getProperty("jvm.args", ""));
  }
}
