// Test start-up script (kernel/src/test/resources): CamLabKernelTest checks that the kernel ran it.
String startupScriptRan = "yes";
