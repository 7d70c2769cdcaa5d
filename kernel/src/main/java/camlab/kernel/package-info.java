/** The CamLab Jupyter kernel: JShell in-process with the library on the classpath. */
package camlab.kernel;
