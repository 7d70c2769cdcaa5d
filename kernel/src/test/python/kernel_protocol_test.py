"""Protocol tests for the INSTALLED plain kernel (no extension on its class path), driven through Debian's
jupyter_client. The course's kernel, camlab-java, has its own suite (course/src/test/python/course_kernel_test.py).

Run by KernelProtocolIT (mvn verify) with /usr/bin/python3. It expects:
  JUPYTER_DATA_DIR        a hermetic data dir holding the kernelspecs CAMLAB_IT_KERNEL and CAMLAB_IT_SMALL_HEAP_KERNEL
  CAMLAB_IT_KERNEL        the plain kernel's kernelspec, installed with -Dmaven.repo.local=CAMLAB_IT_MAVEN_REPO
  CAMLAB_IT_SMALL_HEAP_KERNEL  the same kernel with -Xmx192m
  CAMLAB_IT_DIR           a scratch folder for files the tests write (and the kernel's working directory)
  CAMLAB_IT_GREETER_JAR   a jar with demo.Greeter.greet(String), for %jars
  CAMLAB_IT_MAVEN_REPO    a local Maven repository holding demo:greeting-app:1.0, which depends on demo:greeting-lib:1.0,
                          and demo:broken-app:1.0, which depends on the absent demo:absent:2.0

Every test that makes a cell fail or stop checks that the NEXT cell still runs.
"""

import json
import queue
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import unittest

from jupyter_client.manager import KernelManager

from jupyter_harness import (IT_DIR, KERNEL, STOP_GRACE, collect, control_reply, cpu_seconds, notebook, process_gone,
                             run, send, shell_message, shell_reply, start_kernel, stop_kernel, wait_for_stdout, wait_gone,
                             write)

SMALL_HEAP_KERNEL = os.environ["CAMLAB_IT_SMALL_HEAP_KERNEL"]
GREETER_JAR = os.environ["CAMLAB_IT_GREETER_JAR"]
MAVEN_REPO = os.environ.get("CAMLAB_IT_MAVEN_REPO", "")


class SharedKernelTest(unittest.TestCase):
    """Most of the protocol, against one kernel (starting one costs seconds)."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def run_ok(self, code, timeout=120):
        r = run(self.kc, code, timeout)
        self.assertEqual("ok", r.status, f"cell failed:\n{code}\n{r.traceback()}")
        return r

    def assert_next_cell_runs(self):
        r = self.run_ok('System.out.println("still alive " + (40 + 2));')
        self.assertEqual("still alive 42\n", r.stream("stdout"))

    # --- basics

    def test_kernel_info_names_the_kernel_and_java(self):
        info = self.kc.kernel_info(reply=True)["content"]
        self.assertEqual("camlab-kernel", info["implementation"])
        self.assertEqual("java", info["language_info"]["name"])
        self.assertEqual("text/x-java-source", info["language_info"]["mimetype"])
        self.assertIn("Java " + info["language_info"]["version"], info["banner"])
        self.assertTrue(info["help_links"][0]["text"].startswith("Java "), info["help_links"])

    def test_stdout_and_stderr_are_streams(self):
        r = self.run_ok('System.out.println("to out"); System.err.println("to err");')
        self.assertEqual("to out\n", r.stream("stdout"))
        self.assertEqual("to err\n", r.stream("stderr"))

    def test_stdin_reads_from_the_frontend(self):
        msg_id = self.kc.execute('var input = new java.util.Scanner(System.in);\n'
                                 'System.out.println("hi " + input.nextLine());', allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=60)
        self.assertEqual("input_request", request["msg_type"])
        self.kc.input("Ada")
        self.assertEqual("hi Ada\n", collect(self.kc, msg_id).stream("stdout"))

    def test_last_expression_without_semicolon_is_the_result(self):
        self.assertEqual("3", self.run_ok("int one = 1;\none + 2").result())
        self.assertIsNone(self.run_ok("one + 2;").result(), "a trailing ';' keeps the cell quiet")

    def test_display_and_update_display(self):
        r = self.run_ok('String id = display("first");\nupdateDisplay(id, "second");\n'
                        'display("<b>bold</b>", "text/html");\nSystem.out.println(id);')
        shown = r.of_type("display_data")
        self.assertEqual("first", shown[0]["data"]["text/plain"])
        display_id = r.stream("stdout").strip()
        self.assertEqual(display_id, shown[0]["transient"]["display_id"])
        update = r.of_type("update_display_data")[0]
        self.assertEqual("second", update["data"]["text/plain"])
        self.assertEqual(display_id, update["transient"]["display_id"])
        self.assertEqual("<b>bold</b>", shown[1]["data"]["text/html"])

    def test_images_are_static_png(self):
        image = self.run_ok("var img = new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);\nimg")
        self.assertTrue(image.result("image/png").startswith("iVBOR"), "base64 of a PNG")
        self.assertEqual("<image 16×16>", image.result())

    # --- errors

    def test_compile_error_points_at_the_cell_line_with_a_caret(self):
        r = run(self.kc, "int a = 1;\nint b = 2;\n\nint c = undefinedThing + 1;")
        self.assertEqual("error", r.status)
        self.assertEqual("CompilationError", r.error["ename"])
        self.assertEqual("cannot find symbol (line 4 of this cell)", r.error["evalue"])
        lines = r.traceback().splitlines()
        at = lines.index("  4 | int c = undefinedThing + 1;")
        self.assertEqual("    |         ^^^^^^^^^^^^^^", lines[at + 1])
        self.assert_next_cell_runs()

    def test_runtime_error_is_trimmed_to_the_cells_lines(self):
        self.run_ok("// helpers\nint ratio(int a, int b) {\n  return a / b;\n}")
        r = run(self.kc, "int x = 1;\n\nint y = ratio(x, 0);")
        self.assertEqual("UncaughtException", r.error["ename"])
        self.assertTrue(r.error["evalue"].startswith("java.lang.ArithmeticException: / by zero (line 3 of cell ["),
                        r.error["evalue"])
        tb = r.traceback()
        self.assertIn("in ratio():   return a / b;", tb)
        self.assertIn("at line 3 of this cell:   int y = ratio(x, 0);", tb)
        self.assertNotIn("jdk.internal.reflect", tb)
        self.assertNotIn("camlab.kernel", tb)
        self.assert_next_cell_runs()

    def test_out_of_memory_for_a_huge_array_leaves_the_kernel_usable(self):
        r = run(self.kc, "long[] big = new long[Integer.MAX_VALUE - 8];")
        self.assertEqual("error", r.status)
        self.assertIn("java.lang.OutOfMemoryError", r.error["evalue"])
        self.assert_next_cell_runs()

    def test_stack_overflow_leaves_the_kernel_usable(self):
        self.run_ok("int down(int n) { return down(n + 1) + 1; }")
        r = run(self.kc, "down(0)")
        self.assertIn("java.lang.StackOverflowError", r.error["evalue"])
        self.assertIn("times in a row", r.traceback())
        self.assertLess(len(r.traceback().splitlines()), 12, "recursion is folded")
        self.assert_next_cell_runs()

    def test_system_exit_in_a_cell_is_blocked(self):
        for code in ("System.exit(0);", "Runtime.getRuntime().exit(1);"):
            r = run(self.kc, code)
            self.assertEqual("error", r.status)
            self.assertIn("SystemExitBlocked", r.error["evalue"])
            self.assert_next_cell_runs()

    # --- interrupts

    def interrupt_running(self, code, marker="started"):
        """Interrupts `code` once it printed `marker` (one statement, so it is not still being compiled)."""
        msg_id = send(self.kc, code)
        wait_for_stdout(self.kc, msg_id, marker)
        t0 = time.monotonic()
        self.km.interrupt_kernel()
        return collect(self.kc, msg_id, timeout=30, started=t0)

    def test_interrupt_stops_a_sleeping_cell(self):
        r = self.interrupt_running('{\n  System.out.println("started");\n  while (true) { Thread.sleep(10); }\n}')
        self.assertEqual("CellInterrupted", r.error["ename"])
        self.assertEqual("Interrupted at line 3 of this cell.", r.error["evalue"])
        self.assertLess(r.seconds, 1.5)
        self.assert_next_cell_runs()

    def expected_stop(self):
        """Java 17-19 force-stop a cell that ignores interrupts; later JDKs cannot and leave it running."""
        java = int(self.kc.kernel_info(reply=True)["content"]["language_info"]["version"].split(".")[0])
        return "force-stopped" if java < 20 else "keeps running in the background"

    def test_interrupt_of_a_busy_loop_stops_it_after_the_grace_period(self):
        r = self.interrupt_running('long spins = 0;\n{\n  System.out.println("started");\n  while (true) { spins++; }\n}')
        self.assertEqual("CellInterrupted", r.error["ename"])
        self.assertIn(self.expected_stop(), r.error["evalue"])
        self.assertGreaterEqual(r.seconds, STOP_GRACE - 0.2)
        self.assertLess(r.seconds, STOP_GRACE + 3)
        self.assert_next_cell_runs()

    def test_a_cell_holding_a_lock_is_stopped_and_the_lock_freed(self):
        r = self.interrupt_running('synchronized (System.out) {\n  System.out.println("started");\n  while (true) { }\n}')
        self.assertEqual("CellInterrupted", r.error["ename"])
        self.assertIn(self.expected_stop(), r.error["evalue"])
        self.assert_next_cell_runs()  # prints, which takes a PrintStream's lock

    def test_a_cell_waiting_for_a_lock_another_thread_holds_is_stopped_and_the_holder_named(self):
        self.run_ok(textwrap.dedent("""\
            var held = new java.util.concurrent.locks.ReentrantLock();
            var release = new CountDownLatch(1);
            var holder = new Thread(() -> {
              held.lock();
              try { release.await(); } catch (InterruptedException e) { } finally { held.unlock(); }
            }, "holder");
            holder.setDaemon(true);
            holder.start();
            while (!held.isLocked()) Thread.sleep(5);"""))
        r = self.interrupt_running('{\n  System.out.println("started");\n  held.lock();\n}')
        self.assertEqual("CellInterrupted", r.error["ename"])
        self.assertIn("Interrupted at line 3 of this cell", r.error["evalue"])
        self.assertIn(self.expected_stop(), r.error["evalue"])
        tb = r.traceback()
        self.assertIn('held by the thread "holder" (WAITING), which has not released it', tb)
        self.assertIn("at line 3 of this cell:   held.lock();", tb)
        self.assertNotIn("camlab.kernel", tb)
        self.assert_next_cell_runs()
        self.assertEqual("false", self.run_ok("release.countDown();\nholder.join();\nheld.isLocked()").result())

    def test_a_deadlocked_cell_is_reported_and_the_kernel_goes_on(self):
        # the cell holds a and waits for b; "other" holds b and waits for a. No interrupt or Thread.stop ends a
        # thread blocked entering a synchronized block, so the kernel leaves it and runs later cells on a new thread.
        self.run_ok(textwrap.dedent("""\
            Object a = new Object(), b = new Object();
            var bTaken = new CountDownLatch(1);
            var other = new Thread(() -> { synchronized (b) { bTaken.countDown(); synchronized (a) { } } }, "other");
            other.setDaemon(true);"""))
        r = self.interrupt_running(
            'synchronized (a) {\n  other.start();\n  bTaken.await();\n  System.out.println("started");\n  synchronized (b) { }\n}')
        self.assertEqual("CellInterrupted", r.error["ename"])
        self.assertIn("blocked waiting for a lock", r.error["evalue"])
        self.assertIn("at line 5 of this cell", r.error["evalue"])
        self.assertIn('held by the thread "other" (BLOCKED)', r.traceback())
        self.assertLess(r.seconds, 2 * STOP_GRACE + 3)
        self.assert_next_cell_runs()
        self.assertEqual("BLOCKED", self.run_ok("other.getState()").result(), "still deadlocked, in the background")

    def test_a_lock_a_cell_left_taken_is_still_its_own_in_later_cells(self):
        # one cell thread for the session, as jshell has: a later cell can unlock what an earlier one locked
        self.run_ok("var mine = new java.util.concurrent.locks.ReentrantLock();\nmine.lock();")
        self.assertEqual("true", self.run_ok("mine.isHeldByCurrentThread()").result())
        self.assertEqual("false", self.run_ok("mine.unlock();\nmine.isLocked()").result())

    # --- editing help and history

    def test_completion(self):
        content = self.kc.complete("Math.ma", 7, reply=True)["content"]
        self.assertEqual("ok", content["status"])
        self.assertIn("max(", content["matches"])
        self.assertEqual((5, 7), (content["cursor_start"], content["cursor_end"]))
        magic = self.kc.complete("%lo", 3, reply=True)["content"]
        self.assertEqual(["load"], magic["matches"])

    def test_inspection(self):
        content = self.kc.inspect("Math.max(1, 2)", 6, reply=True)["content"]
        self.assertTrue(content["found"])
        self.assertIn("int Math.max(int a, int b)", content["data"]["text/plain"])

    def test_completion_sees_declarations_above_in_the_same_unrun_cell(self):
        code = "StringBuilder x = null;\nx.revers"
        self.assertEqual(["reverse()"], self.kc.complete(code, len(code), reply=True)["content"]["matches"])
        method = "int twiceOf(int v) { return 2 * v; }\nint four = twiceO"
        self.assertEqual(["twiceOf("], self.kc.complete(method, len(method), reply=True)["content"]["matches"])

    def test_completion_after_an_open_parenthesis_offers_what_fits_not_every_name(self):
        self.run_ok('String greetingName = "Ada";\nvoid greet(String who) { }')
        matches = self.kc.complete("greet(", 6, reply=True)["content"]["matches"]
        self.assertIn("greetingName", matches)
        self.assertLess(len(matches), 20, matches)

    def test_inspection_on_a_bare_name_shows_signatures_and_javadoc(self):
        max_doc = self.kc.inspect("Math.max", 8, reply=True)["content"]
        self.assertTrue(max_doc["found"])
        self.assertIn("double Math.max(double a, double b)", max_doc["data"]["text/plain"])
        display_doc = self.kc.inspect("display", 7, reply=True)["content"]["data"]["text/plain"]
        self.assertIn("display(Object o)", display_doc)
        self.assertIn("Shows {@code o} now".replace("{@code o}", "o"), display_doc, "the kernel's own Javadoc")

    def test_is_complete(self):
        def verdict(code):
            return shell_reply(self.kc, self.kc.is_complete(code))
        self.assertEqual("complete", verdict("int x = 1;")["status"])
        incomplete = verdict("for (int i = 0; i < 3; i++) {")
        self.assertEqual(("incomplete", "    "), (incomplete["status"], incomplete["indent"]))
        self.assertEqual("invalid", verdict("}}}")["status"])
        self.assertEqual("complete", verdict("%load helpers.jsh")["status"])

    def test_history(self):
        self.run_ok('String historyMarker = "h1";')
        content = shell_reply(self.kc, self.kc.history(hist_access_type="tail", n=50))
        self.assertEqual("ok", content["status"])
        self.assertIn('String historyMarker = "h1";', [entry[2] for entry in content["history"]])
        found = shell_reply(self.kc, self.kc.history(hist_access_type="search", pattern="*historyMarker*", n=5))
        self.assertTrue(found["history"])

    # --- streams

    def test_a_flood_of_20000_lines_arrives_complete_in_few_messages(self):
        r = self.run_ok('for (int i = 0; i < 20_000; i++) System.out.println("line " + i);')
        self.assertEqual("".join(f"line {i}\n" for i in range(20_000)), r.stream("stdout"))
        messages = [c for t, c in r.outputs if t == "stream"]
        self.assertLess(len(messages), 200, "buffered, not one message per line")

    def test_output_of_a_thread_after_its_cell_ended_goes_to_the_next_cell_marked(self):
        r = self.run_ok('var late = new Thread(() -> {\n  try { Thread.sleep(500); } catch (InterruptedException e) { }\n'
                        '  System.out.println("printed late");\n});\nlate.start();\nSystem.out.println("cell ends");')
        self.assertEqual("cell ends\n", r.stream("stdout"))
        count = r.reply["execution_count"]
        time.sleep(1.5)
        after = self.run_ok('late.join();\nSystem.out.println("next");')
        self.assertEqual(f"Lines marked [cell {count}] come from a thread that cell [{count}] started, after that cell ended:\n"
                         f"[cell {count}] printed late\nnext\n", after.stream("stdout"))

    # --- protocol

    def test_every_reply_has_a_status_and_every_date_has_microseconds(self):
        replies = [
            self.kc.kernel_info(reply=True),
            self.kc.complete("Math.ma", 7, reply=True),
            self.kc.inspect("Math.max", 8, reply=True),
            self.kc.history(hist_access_type="tail", n=3, reply=True),
            self.kc.comm_info(reply=True),
            shell_message(self.kc, self.kc.is_complete("int x = 1;")),
        ]
        msg_id = send(self.kc, "1 + 1")
        collect(self.kc, msg_id)
        for request in ("kernel_info_request", "interrupt_request"):
            msg = self.kc.session.msg(request, {})
            self.kc.control_channel.send(msg)
            replies.append(control_reply(self.kc, msg["header"]["msg_id"]))
        for reply in replies:
            self.assertIn("status", reply["content"], reply["msg_type"])
            self.assertNotEqual("error", reply["content"]["status"], reply)
        dates = [r["header"]["date"] for r in replies]
        for d in dates:
            self.assertIsNotNone(d.tzinfo)
        self.assertTrue(any(d.microsecond % 1000 != 0 for d in dates), f"microseconds, not only milliseconds: {dates}")
        error = run(self.kc, "throw new IllegalStateException(\"x\");")
        self.assertEqual("error", error.reply["status"])
        self.assertEqual("UncaughtException", error.reply["ename"])

    def test_a_failing_cell_aborts_the_cells_queued_after_it(self):
        first = send(self.kc, 'Thread.sleep(300);\nthrow new RuntimeException("stop here");')
        second = send(self.kc, 'System.out.println("must not run");')
        third = send(self.kc, 'System.out.println("nor this");')
        self.assertEqual("error", collect(self.kc, first).status)
        for queued in (second, third):
            r = collect(self.kc, queued, timeout=30)
            self.assertEqual("aborted", r.status)
            self.assertEqual([], r.outputs)
        self.assert_next_cell_runs()

    def test_stop_on_error_false_lets_the_queued_cells_run(self):
        first = self.kc.execute('throw new RuntimeException("not fatal");', stop_on_error=False)
        second = send(self.kc, 'System.out.println("runs anyway");')
        self.assertEqual("error", collect(self.kc, first).status)
        self.assertEqual("runs anyway\n", collect(self.kc, second).stream("stdout"))

    def test_an_interrupted_cell_aborts_the_cells_queued_after_it(self):
        first = send(self.kc, '{\n  System.out.println("started");\n  while (true) { Thread.sleep(10); }\n}')
        queued = send(self.kc, 'System.out.println("must not run");')
        wait_for_stdout(self.kc, first, "started")
        self.km.interrupt_kernel()
        self.assertEqual("CellInterrupted", collect(self.kc, first, timeout=30).error["ename"])
        self.assertEqual("aborted", collect(self.kc, queued, timeout=30).status)
        self.assert_next_cell_runs()

    # --- messages and outputs

    def test_a_method_broken_by_a_later_change_says_which_error_and_where(self):
        self.run_ok("int baseValue() { return 1; }")
        defined = self.run_ok("int plusOne() { return baseValue() + 1; }").reply["execution_count"]
        changed = self.run_ok('String baseValue() { return "one"; }')
        self.assertIn("Note: plusOne() can no longer be used after this change to baseValue(): incompatible types:",
                      changed.stream("stderr"))
        r = run(self.kc, "plusOne()")
        self.assertEqual("UnresolvedReference", r.error["ename"])
        self.assertEqual("plusOne() cannot run: its code no longer compiles: incompatible types: java.lang.String cannot be"
                         f" converted to int (line 1 of cell [{defined}]: int plusOne() {{ return baseValue() + 1; }}).",
                         r.error["evalue"])
        self.assert_next_cell_runs()

    def test_arrays_and_images_have_short_stable_text(self):
        self.assertEqual("int[3] { 1, 2, 3 }", self.run_ok("new int[] {1, 2, 3}").result())
        self.assertEqual('String[2] { "a", "b" }', self.run_ok('new String[] {"a", "b"}').result())
        image = self.run_ok("new java.awt.image.BufferedImage(1078, 330, java.awt.image.BufferedImage.TYPE_INT_RGB)")
        self.assertEqual("<image 1078×330>", image.result())
        shown = self.run_ok("display(new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB));")
        self.assertEqual("<image 4×3>", shown.of_type("display_data")[0]["data"]["text/plain"])

    # --- magics

    def test_load_a_jsh_file_relative_to_the_notebook_folder(self):
        write("helper.jsh", "int helper() {\n  return 41;\n}\n")
        self.run_ok("%load helper.jsh")
        self.assertEqual("42", self.run_ok("helper() + 1").result())

    def test_load_a_notebook_runs_its_code_cells(self):
        notebook("setup_ok.ipynb", "int fromNotebook = 7;", 'String nbGreeting() { return "hi"; }')
        self.assertEqual("9", self.run_ok("%load setup_ok.ipynb\nfromNotebook + nbGreeting().length()").result())
        notebook("setup_bad.ipynb", "int fine = 1;", "int broken = 1;\nint worse = nope;")
        r = run(self.kc, "%load setup_bad.ipynb")
        self.assertEqual("CompilationError", r.error["ename"])
        self.assertIn("line 2 of setup_bad.ipynb (code cell 2)", r.error["evalue"])
        self.assert_next_cell_runs()

    def test_maven_adds_a_library_and_its_dependencies_from_the_local_repository(self):
        r = self.run_ok("%maven demo:greeting-app:1.0\ndemo.Hello.hello()")
        self.assertEqual("hello from a dependency", r.result(), "demo.Hello calls demo.Names, from greeting-lib")
        self.assertIn("Added 2 jars from the local Maven repository (" + MAVEN_REPO + "):", r.stream("stdout"))
        self.assertIn("demo:greeting-lib:1.0 (needed by demo:greeting-app:1.0)", r.stream("stdout"))
        present = self.run_ok("%maven com.google.code.gson:gson:2.13.1")
        self.assertIn("com.google.code.gson:gson 2.13.1 is on the kernel's class path already", present.stream("stdout"))
        broken = run(self.kc, "%maven demo:broken-app:1.0")
        self.assertEqual("MagicError", broken.error["ename"])
        self.assertIn("%maven added nothing: a file it needs is missing from the local Maven repository, and this kernel"
                      " never downloads:\n  demo:absent:2.0 (needed by demo:broken-app:1.0): no POM at "
                      + os.path.join(MAVEN_REPO, "demo", "absent", "2.0", "absent-2.0.pom"), broken.error["evalue"])
        self.assert_next_cell_runs()

    def test_unknown_magic_lists_the_known_ones(self):
        r = run(self.kc, "%timeit 1 + 1")
        self.assertEqual("MagicError", r.error["ename"])
        self.assertIn("%timeit is not a magic of this kernel. Known magics: %classpath, %jars, %load, %maven, %lsmagic",
                      r.error["evalue"])
        self.assert_next_cell_runs()

    def test_inline_magic_gives_its_value_to_a_declaration(self):
        folder = os.path.dirname(GREETER_JAR)
        r = self.run_ok(f"List<String> addedJars = %jars {folder}/*.jar\naddedJars.size()")
        self.assertEqual("1", r.result())
        wrong = run(self.kc, "var listed = %lsmagic")
        self.assertIn("%lsmagic gives no value, so it cannot stand after '='", wrong.error["evalue"])
        self.assert_next_cell_runs()

    def test_jars_warns_when_a_glob_adds_several_versions_of_one_library(self):
        versions = os.path.join(IT_DIR, "versions")
        os.makedirs(versions, exist_ok=True)
        for v in ("1.0", "1.1", "2.0"):
            shutil.copy(GREETER_JAR, os.path.join(versions, f"greeter-{v}.jar"))
        r = self.run_ok(f"%jars {versions}/*.jar")
        self.assertIn("Warning: 3 versions of greeter are now on the class path (greeter-1.0.jar, greeter-1.1.jar,"
                      " greeter-2.0.jar)", r.stream("stderr"))

    def test_jars_adds_a_jar_for_the_following_code(self):
        folder = os.path.dirname(GREETER_JAR)
        r = self.run_ok(f"%jars {folder}/*.jar\ndemo.Greeter.greet(\"jar\")")
        self.assertEqual("hello jar", r.result())
        self.assertIn("Added 1 jar", r.stream("stdout"))


class RedefinitionTest(unittest.TestCase):
    """Values survive imports and redefinitions as in jshell (own kernel: imports change the whole session)."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def run_ok(self, code):
        r = run(self.kc, code)
        self.assertEqual("ok", r.status, f"cell failed:\n{code}\n{r.traceback()}")
        return r

    def test_a_star_import_after_an_import_in_one_cell_keeps_every_value(self):
        self.run_ok('var x = new ArrayList<String>(List.of("a"));')
        self.run_ok("int f() { return 1; }")
        self.run_ok("Supplier<Integer> sup = () -> f() + 100;")
        self.run_ok("int viaF = f();")
        # an exercise cell run again: f is redefined, so sup's code now refers to f's new version
        self.run_ok("int f() { return 3; }")
        self.run_ok("import java.util.regex.Matcher;\nimport java.text.*;")
        self.assertEqual("[a]", self.run_ok("x").result())
        self.assertEqual("1", self.run_ok("viaF").result())
        self.assertEqual("103", self.run_ok("sup.get()").result(), "the lambda calls the redefined f, as in jshell")
        self.assertEqual("1", self.run_ok('new DecimalFormat("0").format(1)').result().strip('"'), "the star import works")

    def test_two_imports_in_one_cell_after_declarations_keep_the_values(self):
        # such a cell must not recompile the earlier snippets, which would leave their variables null
        self.run_ok('int count = 7;\nString word = "kept";\ndouble[] weights = {0.5, 1.5};')
        self.run_ok("var buffer = new StringBuilder(\"ab\");\nBigInteger big = BigInteger.TWO.pow(70);")
        self.run_ok("import java.util.regex.Pattern;\nimport java.text.*;")
        self.assertEqual("7 kept 1.5", self.run_ok('count + " " + word + " " + weights[1]').result())
        self.assertEqual("ab 1180591620717411303424", self.run_ok('buffer + " " + big').result().strip('"'))
        self.assertEqual("true", self.run_ok('Pattern.matches("k.*", word) && new DecimalFormat("0").format(1) != null').result())

    def test_a_redefined_class_keeps_its_objects(self):
        self.run_ok("class Counter { int n; int next() { return ++n; } }")
        self.run_ok("Counter c = new Counter();\nc.next();")
        self.run_ok("class Counter { int n; int next() { n += 10; return n; } }")
        self.assertEqual("11", self.run_ok("c.next()").result())
        changed = self.run_ok("class Counter { int n; int step = 5; int next() { n += step; return n; } }")
        self.assertIn("Note: c was reset to null", changed.stream("stderr"), "a new field: jshell resets c too, and says so")

    def test_an_import_that_would_break_variables_is_undone(self):
        self.run_ok('var names = new ArrayList<String>(List.of("a"));')
        r = run(self.kc, "import java.awt.*;")
        self.assertEqual("CompilationError", r.error["ename"])
        self.assertIn("This import was undone", r.error["evalue"])
        self.assertIn("reference to List is ambiguous", r.traceback())
        self.assertEqual("[a]", self.run_ok("names").result())
        self.run_ok("class Format { }")
        clash = run(self.kc, "import java.text.Format;")
        self.assertIn("A class named Format is declared in this notebook", clash.traceback())
        self.assertEqual("2", self.run_ok("1 + 1").result(), "later cells still compile")


class OutputLimitTest(unittest.TestCase):
    """A cell that prints past CAMLAB_OUTPUT_LIMIT: everything up to it, then an exact account and the last lines."""

    def test_a_flood_past_the_limit_ends_with_a_notice_and_the_last_lines(self):
        km, kc = start_kernel(env={"CAMLAB_OUTPUT_LIMIT": "100KB"})
        try:
            r = run(kc, 'for (int i = 0; i < 50_000; i++) System.out.println("line " + i);', timeout=120)
            self.assertEqual("ok", r.status)
            text = r.stream("stdout")
            lines = text.splitlines()
            shown = 0
            while lines[shown] == f"line {shown}":
                shown += 1
            self.assertGreater(shown, 9000, "about 100 KB of whole lines")
            self.assertTrue(lines[shown].startswith("… output past 100 KB is not shown"), lines[shown])
            hidden = 50_000 - shown - 10
            self.assertTrue(lines[shown + 1].startswith(f"… {hidden:,} lines ("), lines[shown + 1])
            self.assertTrue(lines[shown + 1].endswith(" not shown; the last 10 lines:"), lines[shown + 1])
            self.assertEqual([f"line {i}" for i in range(49_990, 50_000)], lines[shown + 2:])
            self.assertEqual("ok", run(kc, 'System.out.println("small");').status)
        finally:
            stop_kernel(km, kc)


class StartupTest(unittest.TestCase):
    """The sockets answer while Java is still starting; cells wait for it."""

    def test_kernel_info_is_answered_before_java_is_ready_and_the_first_cell_waits(self):
        t0 = time.monotonic()
        km = KernelManager(kernel_name=KERNEL)
        km.start_kernel(cwd=IT_DIR, env=dict(os.environ))
        kc = km.client()
        kc.start_channels()
        try:
            info = None
            while info is None and time.monotonic() - t0 < 60:
                msg_id = kc.kernel_info()
                try:
                    info = shell_reply(kc, msg_id, timeout=0.5)
                except queue.Empty:
                    pass
            self.assertIsNotNone(info, "no kernel_info_reply within 60 s")
            answered = time.monotonic() - t0
            first = collect(kc, send(kc, "1 + 1"), timeout=120, started=t0)
            self.assertEqual("2", first.result())
            print(f"\nTIMING kernel_info answered {answered:.2f} s after start, first cell done {first.seconds:.2f} s after"
                  " start", flush=True)
            self.assertLess(answered, first.seconds, "kernel_info before Java is ready")
        finally:
            stop_kernel(km, kc)


class TimeoutTest(unittest.TestCase):
    def test_cell_timeout_stops_a_long_cell(self):
        km, kc = start_kernel(env={"CAMLAB_CELL_TIMEOUT": "2s"})
        try:
            self.assertEqual("ok", run(kc, "1 + 1").status, "Java is ready (kernel_info is answered before it is)")
            r = run(kc, "Thread.sleep(60_000);", timeout=30)
            self.assertEqual("CellTimedOut", r.error["ename"])
            self.assertIn("time limit of 2 s (CAMLAB_CELL_TIMEOUT)", r.error["evalue"])
            self.assertLess(r.seconds, 6)
            self.assertEqual("ok", run(kc, "1 + 1").status)
        finally:
            stop_kernel(km, kc)


class SmallHeapTest(unittest.TestCase):
    def test_filling_the_heap_leaves_the_kernel_usable(self):
        km, kc = start_kernel(SMALL_HEAP_KERNEL)
        try:
            for _ in range(2):
                r = run(kc, "{ List<long[]> hog = new ArrayList<>();\n  while (true) hog.add(new long[1_000_000]); }", timeout=120)
                self.assertEqual("error", r.status)
                self.assertIn("java.lang.OutOfMemoryError: Java heap space", r.error["evalue"])
                self.assertIn("reinstall the kernel with -Xmx2g", r.traceback(), "a larger heap than the 192 MB one")
                after = run(kc, 'System.out.println("after " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");')
                self.assertEqual("ok", after.status)
                self.assertIn("after", after.stream("stdout"))
        finally:
            stop_kernel(km, kc)


class LifecycleTest(unittest.TestCase):
    def kernel_pid(self, kc):
        return int(run(kc, "ProcessHandle.current().pid()").result())

    def test_restart_gives_a_fresh_process_and_ends_the_old_one(self):
        km, kc = start_kernel()
        try:
            old = self.kernel_pid(kc)
            self.assertEqual("ok", run(kc, "int keep = 5;").status)
            km.restart_kernel(now=False)
            kc.wait_for_ready(timeout=120)
            new = self.kernel_pid(kc)
            self.assertNotEqual(old, new)
            self.assertTrue(wait_gone(old, 10), "the old kernel JVM is gone")
            self.assertEqual("CompilationError", run(kc, "keep").error["ename"], "variables start over")
        finally:
            stop_kernel(km, kc)

    def test_shutdown_and_restart_replies_have_a_status(self):
        km, kc = start_kernel()
        try:
            msg = kc.session.msg("shutdown_request", {"restart": False})
            kc.control_channel.send(msg)
            reply = control_reply(kc, msg["header"]["msg_id"])
            self.assertEqual({"status": "ok", "restart": False}, reply["content"])
            self.assertTrue(wait_gone(km.provisioner.process.pid, 10))
        finally:
            kc.stop_channels()
            km.cleanup_resources()

    def test_shutdown_exits_cleanly_even_with_a_stuck_cell(self):
        for stuck in (False, True):
            km, kc = start_kernel()
            pid = self.kernel_pid(kc)
            process = km.provisioner.process
            if stuck:
                send(kc, "while (true) { }")
                time.sleep(0.5)
            t0 = time.monotonic()
            km.shutdown_kernel(now=False)
            kc.stop_channels()
            self.assertTrue(wait_gone(pid, 10))
            self.assertLess(time.monotonic() - t0, 5, "no SIGTERM/SIGKILL needed")
            self.assertEqual(0, process.returncode, "the kernel exited by itself")

    def start_child_process(self, kc):
        """A process a cell starts, as check("3.1") starts a grading JVM; returns its pid."""
        return int(run(kc, 'new ProcessBuilder("sleep", "600").start().pid()').result())

    def test_every_way_of_ending_the_kernel_ends_it_and_the_processes_its_cells_started(self):
        # a shutdown request, the SIGTERM jupyter_client sends a kernel that does not answer one, and the kill
        # (shutdown_kernel(now=True)); each with a cell stuck in a loop and a non-daemon thread of the user's
        for how in ("shutdown_request", "SIGTERM", "kill"):
            with self.subTest(how):
                km, kc = start_kernel()
                pid = self.kernel_pid(kc)
                child = self.start_child_process(kc)
                self.assertEqual("ok", run(kc, "new Thread(() -> { while (true) Thread.onSpinWait(); }).start();").status)
                send(kc, "while (true) { }")
                time.sleep(0.5)
                t0 = time.monotonic()
                if how == "shutdown_request":
                    km.shutdown_kernel(now=False)
                elif how == "SIGTERM":
                    os.kill(pid, signal.SIGTERM)
                else:
                    km.shutdown_kernel(now=True)
                kc.stop_channels()
                self.assertTrue(wait_gone(pid, 10), "the kernel JVM is gone")
                self.assertLess(time.monotonic() - t0, 6)
                self.assertTrue(wait_gone(child, 5), "the process a cell started is gone")
                if how == "SIGTERM":
                    self.assertEqual(143, km.provisioner.process.wait(timeout=5), "ended by the signal's normal exit")
                    km.cleanup_resources()

    def test_no_orphan_jvm_when_the_frontend_dies(self):
        script = textwrap.dedent(f"""\
            import os, sys, time
            from jupyter_client.manager import KernelManager
            km = KernelManager(kernel_name={KERNEL!r})
            km.start_kernel(cwd={IT_DIR!r})
            kc = km.client(); kc.start_channels(); kc.wait_for_ready(timeout=120)
            out = []
            kc.execute_interactive('System.out.println(new ProcessBuilder("sleep", "600").start().pid());',
                                   timeout=60, output_hook=lambda m: out.append(m["content"].get("text", "")))
            print(km.provisioner.process.pid, "".join(out).strip(), flush=True)
            time.sleep(600)
            """)
        frontend = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        try:
            pid, child = map(int, frontend.stdout.readline().split())
            self.assertFalse(process_gone(pid))
            self.assertFalse(process_gone(child))
            frontend.send_signal(signal.SIGKILL)
            frontend.wait()
            self.assertTrue(wait_gone(pid, 15), "the kernel exits when the process that started it dies")
            self.assertTrue(wait_gone(child, 5), "and ends the process its cell started")
        finally:
            frontend.kill()
            frontend.stdout.close()


class KernelspecTest(unittest.TestCase):
    def test_jupyter_lists_the_installed_kernel_with_absolute_paths(self):
        out = subprocess.run(["/usr/bin/jupyter", "kernelspec", "list", "--json"], capture_output=True, text=True, check=True)
        specs = json.loads(out.stdout)["kernelspecs"]
        self.assertIn(KERNEL, specs)
        spec = specs[KERNEL]
        self.assertTrue(spec["resource_dir"].startswith(os.environ["JUPYTER_DATA_DIR"]))
        argv = spec["spec"]["argv"]
        self.assertTrue(os.path.isabs(argv[0]) and os.access(argv[0], os.X_OK))
        self.assertTrue(os.path.isfile(argv[argv.index("-jar") + 1]))
        self.assertEqual("message", spec["spec"]["interrupt_mode"])
        self.assertEqual("Java (JShell)", spec["spec"]["display_name"], "the plain kernel's default")


class NbconvertTest(unittest.TestCase):
    def test_a_notebook_executes_with_nbconvert(self):
        path = notebook(
            "smoke.ipynb",
            'System.out.println("hello from CamLab");',
            textwrap.dedent("""\
                var img = new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
                var g = img.createGraphics(); g.setColor(java.awt.Color.ORANGE); g.fillOval(4, 4, 24, 24); g.dispose();
                img"""),
            markdown_first=False)
        out_dir = os.path.join(IT_DIR, "executed")
        proc = subprocess.run(
            ["/usr/bin/jupyter", "nbconvert", "--to", "notebook", "--execute",
             "--ExecutePreprocessor.kernel_name=" + KERNEL, "--ExecutePreprocessor.timeout=120",
             "--output-dir", out_dir, path],
            capture_output=True, text=True, cwd=IT_DIR)
        self.assertEqual(0, proc.returncode, proc.stderr)
        with open(os.path.join(out_dir, "smoke.ipynb")) as f:
            cells = json.load(f)["cells"]
        self.assertEqual("hello from CamLab\n", "".join(cells[0]["outputs"][0]["text"]))
        self.assertIn("image/png", cells[1]["outputs"][0]["data"])


class StartupTimingTest(unittest.TestCase):
    """Kernel start -> first executed cell (fresh kernels).

    Wall time depends on what else the machine runs; the kernel's CPU time (user + system, from /proc) is
    printed too because it does not.
    """

    def time_first_cell(self, code):
        t0 = time.monotonic()
        km, kc = start_kernel()
        try:
            r = run(kc, code)
            wall = time.monotonic() - t0
            self.assertEqual("ok", r.status, r.traceback())
            return wall, cpu_seconds(km.provisioner.process.pid)
        finally:
            stop_kernel(km, kc)

    def test_startup_times(self):
        first = [self.time_first_cell("1 + 1") for _ in range(2)]
        shown = ", ".join(f"{wall:.2f} s (CPU {cpu:.2f} s)" for wall, cpu in first)
        print(f"\nTIMING plain kernel start -> first cell done: {shown}; load average {os.getloadavg()[0]:.1f}", flush=True)
        # a generous bound: it catches a hang or a regression by a factor, not a busy machine
        self.assertLess(min(w for w, _ in first), 20)


class PlainKernelTest(unittest.TestCase):
    """Without the course extension on its class path the kernel is a plain Java kernel: no course, no library."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def test_nothing_of_the_course_is_there(self):
        info = self.kc.kernel_info(reply=True)["content"]
        for course in ("DJL", "camlab-lib", "check("):
            self.assertNotIn(course, info["banner"])
        self.assertEqual(1, len(info["help_links"]), "the Java API only")
        missing = run(self.kc, 'Class.forName("camlab.exercises.cell.NotSolvedYet")')
        self.assertIn("java.lang.ClassNotFoundException: camlab.exercises.cell.NotSolvedYet", missing.error["evalue"])
        for name in ('check("1.1");', "NDArray nothing = null;", "Progress none = null;"):
            r = run(self.kc, name)
            self.assertEqual("CompilationError", r.error["ename"], name)
            self.assertIn("cannot find symbol", r.error["evalue"], name)

    def test_its_own_imports_and_notebook_api_work(self):
        r = run(self.kc, 'var xs = new ArrayList<>(List.of(3, 1, 2));\nCollections.sort(xs);\ndisplay(xs);\nxs.stream().map(x -> x * 2).toList()')
        self.assertEqual("ok", r.status, r.traceback())
        self.assertEqual("[1, 2, 3]", r.of_type("display_data")[0]["data"]["text/plain"])
        self.assertEqual("[2, 4, 6]", r.result())


if __name__ == "__main__":
    unittest.main(verbosity=2)
