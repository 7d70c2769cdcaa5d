package camlab.course;

import camlab.kernel.KernelMain;
import camlab.kernel.install.Distribution;

/**
 * {@code java -jar course/target/camlab-course.jar install} installs the course's kernel, {@code camlab-java}: the
 * generic kernel, with the course library, the graders and {@link CourseExtension} on its class path and the JVM flags
 * DJL needs. Jupyter then starts it the same way ({@code java -jar camlab-course.jar CONNECTION_FILE}).
 */
public final class CourseKernel {
  public static final String NAME = "camlab-java";
  public static final String DISPLAY_NAME = "Java (CamLab)";

  private CourseKernel() {}

  public static Distribution distribution() {
    return new Distribution(NAME, DISPLAY_NAME, CourseBuild.load().jvmArgs(), CourseKernel.class);
  }

  public static void main(String[] args) throws Exception {
    KernelMain.run(args, distribution());
  }
}
