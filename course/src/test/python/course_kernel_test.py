"""Protocol tests for the INSTALLED camlab-java kernel: the generic kernel with the course extension, the library and
the graders on its class path, driven through Debian's jupyter_client. What the kernel does by itself is tested against
the plain kernel (kernel/src/test/python/kernel_protocol_test.py); this suite tests what the course adds, as a
notebook sees it.

Run by CourseKernelIT (mvn verify) with /usr/bin/python3 and the kernel's jupyter_harness.py on PYTHONPATH. It expects:
  JUPYTER_DATA_DIR        a hermetic data dir holding the kernelspec CAMLAB_IT_KERNEL (camlab-java)
  CAMLAB_IT_KERNEL        camlab-java, installed by java -jar course/target/camlab-course.jar install
  CAMLAB_IT_DIR           a scratch folder for files the tests write (and the kernel's working directory)

Every test that makes a cell fail checks that the NEXT cell still runs.
"""

import json
import os
import subprocess
import textwrap
import time
import unittest

from jupyter_harness import IT_DIR, KERNEL, cpu_seconds, notebook, run, start_kernel, stop_kernel


def read_solution(file, exercise):
    """The exercise's cell in solutions/<file>: from its marker line to the next marker."""
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
    with open(os.path.join(root, "solutions", file)) as f:
        text = f.read()
    start = text.index(f"// EXERCISE {exercise} ")
    end = text.find("// EXERCISE ", start + 1)
    return text[start:end if end >= 0 else len(text)].strip() + "\n"


class CourseKernelTest(unittest.TestCase):
    """What the course adds, against one kernel (starting one costs seconds)."""

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

    def test_kernel_info_names_java_djl_and_the_library(self):
        info = self.kc.kernel_info(reply=True)["content"]
        self.assertEqual("camlab-kernel", info["implementation"])
        self.assertIn("DJL 0.36.0", info["banner"])
        self.assertIn("PyTorch 2.7.1", info["banner"])
        self.assertIn("camlab-lib", info["banner"])
        self.assertIn("Java " + info["language_info"]["version"], info["banner"])
        self.assertIn("DJL 0.36.0 API", [link["text"] for link in info["help_links"]])

    def test_renderers_give_static_png_and_html(self):
        image = self.run_ok("var img = new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);\nimg")
        self.assertTrue(image.result("image/png").startswith("iVBOR"), "base64 of a PNG")
        chart = self.run_ok(textwrap.dedent("""\
            var chart = new org.knowm.xchart.XYChartBuilder().width(320).height(200).title("loss").build();
            chart.addSeries("train", new double[] {1, 2, 3}, new double[] {3, 2, 1});
            chart"""))
        self.assertTrue(chart.result("image/png").startswith("iVBOR"))
        table = self.run_ok(textwrap.dedent("""\
            tech.tablesaw.api.Table.create("scores",
                tech.tablesaw.api.StringColumn.create("name", "a", "b"),
                tech.tablesaw.api.DoubleColumn.create("x", 1.5, 2.5))"""))
        html = table.result("text/html")
        self.assertIn("<table", html)
        self.assertNotIn("<script", html.lower())
        arrays = self.run_ok("var nd = NDManager.newBaseManager();\nnd.arange(64f).reshape(1, 8, 8)")
        self.assertTrue(arrays.result("image/png").startswith("iVBOR"), "an 8x8 map is a heatmap")
        self.assertIn("min 0, max 63", arrays.result())
        small = self.run_ok("nd.arange(3f)")
        self.assertIsNone(small.result("image/png"))
        self.assertIn("ND: (3) cpu() float32", small.result())

    def test_the_librarys_progress_bar_updates_one_output_in_place(self):
        r = self.run_ok('try (Progress bar = Progress.start("epoch 1", 20)) {\n'
                        '  for (int i = 0; i < 20; i++) { Thread.sleep(15); bar.update(i + 1, "loss 0.3"); }\n}')
        shown = r.of_type("display_data")
        self.assertEqual(1, len(shown), "one output")
        display_id = shown[0]["transient"]["display_id"]
        updates = r.of_type("update_display_data")
        self.assertGreaterEqual(len(updates), 1)
        self.assertTrue(all(u["transient"]["display_id"] == display_id for u in updates))
        self.assertIn("20/20 (100%)", updates[-1]["data"]["text/plain"])
        self.assertIn('<progress value="20" max="20"', updates[-1]["data"]["text/html"])

    def test_unsolved_exercise_is_a_friendly_note_not_an_error(self):
        self.run_ok("// EXERCISE 9.1 — demo (1 point)\nint answer() { throw new NotSolvedYet(\"9.1\"); }")
        for code in ("answer() + 1",
                     "try { answer(); } catch (RuntimeException e) { throw new IllegalStateException(\"wrapped\", e); }"):
            r = self.run_ok(code)
            self.assertEqual([], r.of_type("error"))
            note = r.of_type("display_data")[0]["data"]
            self.assertIn("Exercise 9.1 is not solved yet", note["text/markdown"])
            self.assertIn("`// EXERCISE 9.1`", note["text/markdown"])
        own = self.run_ok("// EXERCISE 9.2 — demo\nint twice(int v) { throw new camlab.exercises.cell.NotSolvedYet(\"9.2\"); }\ntwice(1)")
        self.assertIn("in this cell", own.of_type("display_data")[0]["data"]["text/markdown"])
        self.assert_next_cell_runs()

    def test_check_grades_the_exercise_cell_just_run(self):
        solution = read_solution("03-grad-cam.jsh", "3.1")
        self.run_ok(solution)
        r = self.run_ok('check("3.1");', timeout=300)
        passed = r.stream("stdout").strip()
        self.assertRegex(passed, r"^3\.1 Grad-CAM channel weights: PASS (\d+(?:\.\d+)?)/\1$", "the line ./mvnw test prints")
        wrong = solution.replace(".mean(new int[] {3}).mean(new int[] {2})", ".sum(new int[] {2, 3})")
        self.assertNotEqual(solution, wrong)
        self.run_ok(wrong)
        failed = self.run_ok('check("3.1");', timeout=300).stream("stdout")
        self.assertRegex(failed, r"^3\.1 Grad-CAM channel weights: FAIL 0/\d", failed)
        self.assertIn("graded: the cell last run in this kernel", failed)
        unknown = run(self.kc, 'check("7.7");')
        self.assertIn('there is no exercise "7.7"', unknown.error["evalue"])
        self.assert_next_cell_runs()

    def test_completion_knows_the_course_imports(self):
        code = "NDArray x = null;\nx.getSha"
        self.assertEqual(["getShape()"], self.kc.complete(code, len(code), reply=True)["content"]["matches"])
        self.run_ok('String exerciseId = "3.1";')
        matches = self.kc.complete("check(", 6, reply=True)["content"]["matches"]
        self.assertIn("exerciseId", matches)
        self.assertLess(len(matches), 20, matches)

    def test_inspection_shows_the_javadoc_of_the_library_djl_and_the_notebook_api(self):
        gallery = self.kc.inspect("Gallery.maps", 12, reply=True)["content"]["data"]["text/plain"]
        self.assertIn("BufferedImage Gallery.maps(ActivationMaps maps)", gallery)
        self.assertIn("The maps alone", gallery, "the course library's Javadoc")
        nd = self.kc.inspect("NDArray", 7, reply=True)["content"]["data"]["text/plain"]
        self.assertIn("An interface representing an n-dimensional array.", nd, "DJL's Javadoc")
        display_doc = self.kc.inspect("display", 7, reply=True)["content"]["data"]["text/plain"]
        self.assertIn("Shows o now", display_doc, "the kernel's own Javadoc")

    def test_maven_knows_the_course_libraries_are_there(self):
        present = self.run_ok("%maven ai.djl:api:0.36.0")
        self.assertIn("ai.djl:api 0.36.0 is on the kernel's class path already", present.stream("stdout"))

    def test_imports_of_library_packages_keep_every_value(self):
        self.run_ok('var kept = new ArrayList<String>(List.of("a"));\nint f() { return 1; }')
        self.run_ok("Supplier<Integer> sup = () -> f() + 100;")
        self.run_ok("var nd2 = NDManager.newBaseManager();\nNDArray ones = nd2.ones(new Shape(2));")
        self.run_ok("int f() { return 3; }")
        self.run_ok("import ai.djl.nn.Block;\nimport tech.tablesaw.api.*;")
        self.assertEqual("[a]", self.run_ok("kept").result())
        self.assertEqual("103", self.run_ok("sup.get()").result(), "the lambda calls the redefined f, as in jshell")
        self.assertEqual("2.0", self.run_ok("ones.sum().getFloat()").result())
        self.assertEqual("t", self.run_ok('Table.create("t").name()').result(), "the star import works")
        self.run_ok("class Row { }")
        clash = run(self.kc, "import tech.tablesaw.api.Row;")
        self.assertIn("A class named Row is declared in this notebook", clash.traceback())
        self.assert_next_cell_runs()


class KernelspecTest(unittest.TestCase):
    def test_jupyter_lists_camlab_java_with_the_course_jar_and_djls_flags(self):
        out = subprocess.run(["/usr/bin/jupyter", "kernelspec", "list", "--json"], capture_output=True, text=True, check=True)
        spec = json.loads(out.stdout)["kernelspecs"][KERNEL]["spec"]
        self.assertEqual("Java (CamLab)", spec["display_name"])
        argv = spec["argv"]
        jar = argv[argv.index("-jar") + 1]
        self.assertTrue(os.path.isabs(jar) and jar.endswith("camlab-course.jar") and os.path.isfile(jar), jar)
        self.assertIn("-Dai.djl.offline=true", argv)
        cache = [a for a in argv if a.startswith("-DDJL_CACHE_DIR=")]
        self.assertTrue(cache and os.path.isabs(cache[0].split("=", 1)[1]), argv)


class NbconvertTest(unittest.TestCase):
    def test_a_notebook_with_an_unsolved_exercise_executes_with_nbconvert(self):
        path = notebook(
            "course-smoke.ipynb",
            textwrap.dedent("""\
                var img = new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
                var g = img.createGraphics(); g.setColor(java.awt.Color.ORANGE); g.fillOval(4, 4, 24, 24); g.dispose();
                img"""),
            "// EXERCISE 9.3 — an unsolved exercise\nint stub() { throw new NotSolvedYet(\"9.3\"); }",
            "stub()",
            markdown_first=False)
        out_dir = os.path.join(IT_DIR, "executed")
        proc = subprocess.run(
            ["/usr/bin/jupyter", "nbconvert", "--to", "notebook", "--execute",
             "--ExecutePreprocessor.kernel_name=" + KERNEL, "--ExecutePreprocessor.timeout=120",
             "--output-dir", out_dir, path],
            capture_output=True, text=True, cwd=IT_DIR)
        self.assertEqual(0, proc.returncode, proc.stderr)
        with open(os.path.join(out_dir, "course-smoke.ipynb")) as f:
            cells = json.load(f)["cells"]
        self.assertIn("image/png", cells[0]["outputs"][0]["data"])
        self.assertIn("Exercise 9.3 is not solved yet", "".join(cells[2]["outputs"][0]["data"]["text/markdown"]))


class StartupTimingTest(unittest.TestCase):
    """Kernel start -> first executed cell, and -> first cell touching the DJL engine (fresh kernels).

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
        engine = [self.time_first_cell("ai.djl.engine.Engine.getInstance().getEngineName()") for _ in range(2)]

        def show(samples):
            return ", ".join(f"{wall:.2f} s (CPU {cpu:.2f} s)" for wall, cpu in samples)
        print(f"\nTIMING camlab-java start -> first cell done: {show(first)}; "
              f"start -> first DJL-engine cell done: {show(engine)}; load average {os.getloadavg()[0]:.1f}", flush=True)
        # generous bounds: they catch a hang or a regression by a factor, not a busy machine
        self.assertLess(min(w for w, _ in first), 20)
        self.assertLess(min(w for w, _ in engine), 30)


if __name__ == "__main__":
    unittest.main(verbosity=2)
