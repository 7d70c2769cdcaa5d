"""The course as a student sees it: notebook 02 run in headless Chromium (Debian's python3-selenium and chromium-driver),
first on the classic notebook page that `./camlab notebook` opens, then under JupyterHub set up by `./camlab hub-setup`
with two local test users. Every check reads the page itself: images decoded with a non-zero natural size, the progress
bar one output updated in place, check()'s verdict, and - under the hub - that the two users' kernels are separate
processes, each in its own home with its own files, that load the shared models instead of training them.

Run by ClassroomBrowserIT (mvn verify) with /usr/bin/python3. It expects:
  CAMLAB_ROOT     the checkout (its built course/target/camlab-course.jar)
  CAMLAB_IT_DIR   a scratch folder: screenshots and logs are left there; everything else it starts or writes is removed
and the CI knobs (CAMLAB_TRAIN_LIMIT, CAMLAB_EPOCHS, CAMLAB_EVAL_LIMIT) so that the model trains in seconds.

The hub runs as root in CI: then each test user's server runs under a uid of its own (no system account is created),
so the users' files are separated by Unix permissions as on a real class machine. Run as another user, both servers run
under that user, in separate homes.
"""

import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.environ["CAMLAB_ROOT"]
IT_DIR = os.environ["CAMLAB_IT_DIR"]
NOTEBOOK = "02-cam.ipynb"
ROOTED = os.getuid() == 0
USERS = {"alice": 61001, "bob": 61002}  # the uids the servers run under when the test runs as root
RUN_TIMEOUT = 900


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def solution(exercise):
    """The reference answer's cell for an exercise of notebook 02 (solutions/02-cam.jsh)."""
    with open(os.path.join(ROOT, "solutions", "02-cam.jsh")) as f:
        text = f.read()
    start = text.index(f"// EXERCISE {exercise} ")
    end = text.find("// EXERCISE ", start + 1)
    return text[start:end if end >= 0 else len(text)].strip() + "\n"


class Started:
    """A process started in a session of its own, so that stop() ends it with everything it started."""

    def __init__(self, name, cmd, cwd, env, log_dir):
        self.name = name
        self.log_path = os.path.join(log_dir, name + ".log")
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def alive(self):
        return self.proc.poll() is None

    def tail(self, lines=40):
        with open(self.log_path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])

    def stop(self):
        if self.alive():
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(20)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(10)
        self.log.close()


def descendants(pid):
    """pid and every process below it (from /proc)."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def memory_kib(pids, field):
    """The sum of one /proc field over processes: VmRSS from status, Pss from smaps_rollup (shared pages split)."""
    total = 0
    for p in pids:
        source = "status" if field == "VmRSS" else "smaps_rollup"
        try:
            with open(f"/proc/{p}/{source}") as f:
                for line in f:
                    if line.startswith(field + ":"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def kill_tree(pid):
    for p in reversed(descendants(pid)):
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass


def browser(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
              "--user-data-dir=" + profile):
        options.add_argument(a)
    if ROOTED:
        options.add_argument("--no-sandbox")  # Chromium's own sandbox refuses to run as root
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class NotebookPage:
    """The classic notebook page of one open notebook, read through the page's own Jupyter object and DOM."""

    def __init__(self, driver, shots):
        self.driver = driver
        self.shots = shots

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def open(self, url, kernel="camlab-java"):
        self.driver.get(url)
        WebDriverWait(self.driver, 180, 0.5).until(lambda d: self.js(
            "return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded && Jupyter.notebook.kernel"
            " && Jupyter.notebook.kernel.info_reply && Jupyter.notebook.kernel.info_reply.implementation)"))
        # the test never writes the notebook: a student's copy (or the checkout's) stays as it was
        self.js("Jupyter.notebook.set_autosave_interval(0)")
        assert self.js("return Jupyter.notebook.kernel.name") == kernel, self.js("return Jupyter.notebook.kernel.name")

    def set_cell(self, starts_with, text):
        found = self.js("""
            const cell = Jupyter.notebook.get_cells().find(c => c.get_text().startsWith(arguments[0]));
            if (!cell) return false;
            cell.set_text(arguments[1]);
            return true;""", starts_with, text)
        assert found, f"no cell starts with {starts_with!r}"

    def append_cell(self, code):
        return self.js("""
            const cell = Jupyter.notebook.insert_cell_at_bottom('code');
            cell.set_text(arguments[0]);
            return Jupyter.notebook.find_cell_index(cell);""", code)

    def state(self):
        """Per code cell: its prompt, its <progress> elements' values, and the text of error outputs."""
        return self.js("""
            return Jupyter.notebook.get_cells().map((c, i) => ({
              index: i, code: c.cell_type === 'code', prompt: c.input_prompt_number,
              progress: Array.from(c.element[0].querySelectorAll('.output_area progress')).map(p => [p.value, p.max]),
              errors: Array.from(c.element[0].querySelectorAll('.output_error')).map(e => e.innerText)}));""")

    def run(self, execute_js, cells=None):
        """Runs cells (all, or the given indices) and watches them until done; returns every progress observation:
        {cell index: [list of (value, max) per <progress> element, one list per poll]}."""
        self.js(execute_js)
        observed = {}
        deadline = time.time() + RUN_TIMEOUT
        while True:
            state = self.state()
            for c in state:
                if c["progress"]:
                    observed.setdefault(c["index"], []).append(c["progress"])
                if c["errors"]:
                    raise AssertionError(f"cell {c['index']} failed in the page:\n" + "\n".join(c["errors"]))
            watched = [c for c in state if c["code"] and (cells is None or c["index"] in cells)]
            if all(isinstance(c["prompt"], int) for c in watched) and not self.js("return Jupyter.notebook.kernel_busy"):
                return observed
            if time.time() > deadline:
                raise AssertionError("cells still running after %d s: %s" % (
                    RUN_TIMEOUT, [c["index"] for c in watched if not isinstance(c["prompt"], int)]))
            time.sleep(0.25)

    def run_all(self):
        return self.run("Jupyter.notebook.execute_all_cells()")

    def run_cell(self, index):
        return self.run(f"Jupyter.notebook.execute_cells([{int(index)}])", cells=[index])

    def output_text(self, index):
        return self.js("return Array.from(Jupyter.notebook.get_cell(arguments[0]).element[0]"
                       ".querySelectorAll('.output_area')).map(a => a.innerText).join('\\n')", index)

    def cell_index(self, source):
        index = self.js("return Jupyter.notebook.get_cells().findIndex(c => c.get_text().trim() === arguments[0])", source)
        assert index >= 0, f"no cell {source!r}"
        return index

    def images(self):
        """Every image in an output: (cell index, decoded, natural width, natural height, drawn pixels in its last row,
        source's start). A truncated PNG still has a size (its header is whole) but its last rows are never drawn."""
        return self.driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            const images = [];
            Jupyter.notebook.get_cells().forEach((c, i) =>
                c.element[0].querySelectorAll('.output_area img').forEach(img => images.push([i, img])));
            Promise.all(images.map(async ([i, img]) => {
              let decoded = true;
              try { await img.decode(); } catch (e) { decoded = false; }
              const w = img.naturalWidth, h = img.naturalHeight;
              let drawn = 0;
              if (decoded && w > 0 && h > 0) {
                const canvas = document.createElement('canvas');
                canvas.width = w;
                canvas.height = h;
                const g = canvas.getContext('2d');
                g.drawImage(img, 0, 0);
                const row = g.getImageData(0, h - 1, w, 1).data;
                for (let a = 3; a < row.length; a += 4) if (row[a] > 0) drawn++;
              }
              return [i, decoded, w, h, drawn, img.src.slice(0, 30)];
            })).then(done, e => done(String(e)));""")

    def screenshot(self, name, index=None):
        if index is not None:
            self.js("Jupyter.notebook.get_cell(arguments[0]).element[0].scrollIntoView()", index)
            time.sleep(0.3)
        path = os.path.join(self.shots, name + ".png")
        self.driver.save_screenshot(path)
        return path


class CourseChecks:
    """What a student must see after running notebook 02; shared by the notebook page and the hub."""

    def assert_images_render(self, page, who):
        images = page.images()
        self.assertIsInstance(images, list, f"{who}: reading the images failed: {images}")
        broken = [i for i in images if not (i[1] and i[2] > 0 and i[3] > 0 and i[4] > 0)]
        self.assertEqual([], broken, f"{who}: images that did not decode whole (cell, decoded, width, height,"
                                     " drawn pixels of the last row, src)")
        cells = {i[0] for i in images}
        for source_start in ("display(Charts.trainingHistory", "var maps = new Cam()", "Gallery.overlays("):
            index = page.js("return Jupyter.notebook.get_cells().findIndex(c => c.get_text().startsWith(arguments[0]))",
                            source_start)
            self.assertIn(index, cells, f"{who}: no image in the output of the cell {source_start!r}")

    def assert_progress_in_place(self, observed, index, who):
        polls = observed.get(index)
        self.assertTrue(polls, f"{who}: no progress bar in cell {index}'s output")
        self.assertTrue(all(len(p) == 1 for p in polls),
                        f"{who}: cell {index} showed several progress bars at once: {[len(p) for p in polls]}")
        values = [p[0][0] for p in polls]
        self.assertGreaterEqual(len(set(values)), 2, f"{who}: the bar never moved: {values}")
        self.assertEqual(sorted(values), values, f"{who}: the bar went backwards: {values}")
        value, maximum = polls[-1][0]
        self.assertEqual(maximum, value, f"{who}: the bar did not end full")

    def assert_verdict(self, page, exercise, status, who):
        text = page.output_text(page.cell_index(f'check("{exercise}")'))
        self.assertRegex(text, rf"^{re.escape(exercise)} [^\n]*: {status}\b", f"{who}: check(\"{exercise}\") printed:\n{text}")


class NotebookCommandTest(unittest.TestCase, CourseChecks):
    """`./camlab notebook` (the README's main command): notebook 02 in the page it opens, the model trained there."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="camlab-notebook-page-")
        self.shots = os.path.join(IT_DIR, "screenshots")
        os.makedirs(self.shots, exist_ok=True)
        self.started = []
        self.driver = None

    def tearDown(self):
        if self.driver:
            self.driver.quit()
        for s in reversed(self.started):
            s.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_notebook_02_in_the_page_of_camlab_notebook(self):
        port, token = free_port(), "camlab-it-" + os.urandom(8).hex()
        cache = os.path.join(IT_DIR, "cache")  # fresh: the page trains the model and shows its progress bar
        shutil.rmtree(cache, ignore_errors=True)
        env = dict(os.environ, CAMLAB_CACHE=cache,
                   JUPYTER_DATA_DIR=os.path.join(self.tmp, "data"), JUPYTER_CONFIG_DIR=os.path.join(self.tmp, "config"),
                   JUPYTER_RUNTIME_DIR=os.path.join(self.tmp, "runtime"))
        notebook_file = os.path.join(ROOT, "notebooks", NOTEBOOK)
        before = sha256(notebook_file)
        args = [os.path.join(ROOT, "camlab"), "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
                f"--NotebookApp.token={token}", "--FileCheckpoints.checkpoint_dir=" + os.path.join(self.tmp, "checkpoints")]
        if ROOTED:
            args.append("--allow-root")
        server = Started("camlab-notebook", args, ROOT, env, IT_DIR)
        self.started.append(server)
        wait_for_http(port, server)

        self.driver = browser(os.path.join(self.tmp, "chromium"))
        page = NotebookPage(self.driver, self.shots)
        page.open(f"http://127.0.0.1:{port}/notebooks/{NOTEBOOK}?token={token}")
        page.set_cell("// EXERCISE 2.1 ", solution("2.1"))
        observed = page.run_all()

        first = page.cell_index(next(c for c in notebook_cells() if "Zoo.gapCnn()" in c))
        self.assertIn("Training gap-cnn", page.output_text(first), "a fresh cache: the model is trained in the page")
        self.assert_progress_in_place(observed, first, "notebook page")
        self.assert_images_render(page, "notebook page")
        self.assert_verdict(page, "2.1", "PASS", "notebook page")
        self.assert_verdict(page, "2.2", "TODO", "notebook page")
        page.screenshot("notebook-02-training", first)
        page.screenshot("notebook-02-overlays", page.cell_index("Gallery.overlays(canvases, 0, maps, MapBoxes.CAM_THRESHOLD)"))
        self.assertEqual(before, sha256(notebook_file), "the test must leave the checkout's notebook as it was")


def notebook_cells():
    with open(os.path.join(ROOT, "notebooks", NOTEBOOK)) as f:
        return ["".join(c["source"]).strip() for c in json.load(f)["cells"] if c["cell_type"] == "code"]


def wait_for_http(port, server, path="/", timeout=300):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if not server.alive():
            raise AssertionError(f"{server.name} stopped:\n{server.tail()}")
        try:
            with socket.create_connection(("127.0.0.1", port), 1):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{server.name} does not listen on {port} after {timeout} s:\n{server.tail()}")


HUB_CONFIG = """
import os
from jupyterhub.auth import Authenticator
from jupyterhub.spawner import SimpleLocalProcessSpawner

c = get_config()
load_subconfig({generated!r})  # what ./camlab hub-setup wrote; below, only what a test on localhost needs instead

PASSWORDS = {passwords!r}
UIDS = {uids!r}

class TestAuthenticator(Authenticator):
    async def authenticate(self, handler, data):
        if PASSWORDS.get(data["username"]) == data["password"]:
            return data["username"]

class TestSpawner(SimpleLocalProcessSpawner):
    home_dir_template = {homes!r} + "/{{username}}"

    def make_preexec_fn(self, name):
        home, uid = self.home_dir, UIDS.get(name)
        def preexec():
            if uid is not None:  # root: the user's server runs under a uid of its own
                os.setgroups([])
                os.setgid(uid)
                os.setuid(uid)
            os.chdir(home)
        return preexec

c.JupyterHub.authenticator_class = TestAuthenticator
c.JupyterHub.spawner_class = TestSpawner
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_port}"
c.ConfigurableHTTPProxy.pid_file = {state!r} + "/proxy.pid"
c.JupyterHub.db_url = "sqlite:///" + {state!r} + "/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = {state!r} + "/cookie_secret"
c.JupyterHub.cleanup_servers = True
c.Authenticator.allowed_users = set(PASSWORDS)
"""

PROBE = """String me = System.getenv("USER");
Files.writeString(Path.of("made-by-" + me + ".txt"), me);
try (Progress bar = Progress.start("probe", 30)) {
  for (int i = 0; i < 30; i++) { Thread.sleep(100); bar.update(i + 1, "step " + (i + 1)); }
}
System.out.println("pid=" + ProcessHandle.current().pid() + " cwd=" + Path.of("").toAbsolutePath()
    + " files=" + Files.list(Path.of("")).map(p -> p.getFileName().toString()).filter(n -> n.startsWith("made-by-")).sorted().toList());"""


class HubTest(unittest.TestCase, CourseChecks):
    """./camlab hub-setup, then JupyterHub on localhost: two users log in, each runs notebook 02 in the browser."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="camlab-hub-")
        os.chmod(self.tmp, 0o755)  # the users' servers read the install under it
        self.shots = os.path.join(IT_DIR, "screenshots")
        os.makedirs(self.shots, exist_ok=True)
        self.started = []
        self.driver = None
        self.server_pids = []

    def tearDown(self):
        if self.driver:
            self.driver.quit()
        for s in reversed(self.started):
            s.stop()
        for pid in self.server_pids:  # a server the hub failed to stop, and its kernel
            kill_tree(pid)
        if os.path.isdir(self.tmp):
            subprocess.run(["chmod", "-R", "u+w", self.tmp], check=False)
            shutil.rmtree(self.tmp, ignore_errors=True)

    def hub_setup(self, prefix):
        trained = os.path.join(IT_DIR, "cache")  # the notebook page's model, when that test ran first
        cmd = [os.path.join(ROOT, "camlab"), "hub-setup", "--prefix", prefix, "--students", "2", "--models", "gap-cnn"]
        if os.path.isdir(os.path.join(trained, "models")):
            cmd += ["--models-from", trained]
        done = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
        print(done.stdout)
        self.assertEqual(0, done.returncode, "./camlab hub-setup failed")

    def start_hub(self, prefix):
        homes, state = os.path.join(self.tmp, "home"), os.path.join(self.tmp, "hub")
        os.makedirs(state)
        for name, uid in USERS.items():
            home = os.path.join(homes, name)
            os.makedirs(home)
            if ROOTED:
                os.chown(home, uid, uid)
            os.chmod(home, 0o700)
        port = free_port()
        config = os.path.join(state, "jupyterhub_config.py")
        with open(config, "w") as f:
            f.write(HUB_CONFIG.format(
                generated=os.path.join(prefix, "share", "camlab", "jupyterhub_config.py"),
                passwords={n: "pw-" + n for n in USERS}, uids=USERS if ROOTED else {}, homes=homes, port=port,
                hub_port=free_port(), proxy_port=free_port(), state=state))
        hub = Started("jupyterhub", ["/usr/bin/jupyterhub", "-f", config], state, dict(os.environ), IT_DIR)
        self.started.append(hub)
        wait_for_http(port, hub)
        return port, homes, hub

    def log_in(self, port, name):
        """Logs in from a browser of the user's own, as two students at two machines."""
        if self.driver:
            self.driver.quit()
        self.driver = browser(os.path.join(self.tmp, "chromium-" + name))
        self.driver.get(f"http://127.0.0.1:{port}/hub/login")
        self.driver.find_element(By.ID, "username_input").send_keys(name)
        self.driver.find_element(By.ID, "password_input").send_keys("pw-" + name)
        self.driver.find_element(By.ID, "login_submit").click()
        WebDriverWait(self.driver, 240, 0.5).until(lambda d: f"/user/{name}/tree" in d.current_url)

    def server_pid(self, hub, name):
        """The user's single-user server: the process whose command line is the course's start script for that user."""
        for pid in descendants(1):
            try:
                with open(f"/proc/{pid}/environ", "rb") as f:
                    env = f.read().split(b"\0")
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    cmd = f.read()
            except OSError:
                continue
            if b"jupyterhub-singleuser" in cmd and f"JUPYTERHUB_USER={name}".encode() in env:
                return pid
        raise AssertionError(f"no single-user server of {name} found:\n{hub.tail()}")

    def test_two_students_run_notebook_02_under_the_hub(self):
        prefix = os.path.join(self.tmp, "prefix")
        self.hub_setup(prefix)
        cache = os.path.join(prefix, "share", "camlab", "cache")
        cache_before = snapshot(cache)
        port, homes, hub = self.start_hub(prefix)
        probes = {}
        for name in USERS:
            self.log_in(port, name)
            self.server_pids.append(self.server_pid(hub, name))
            page = NotebookPage(self.driver, self.shots)
            page.open(f"http://127.0.0.1:{port}/user/{name}/notebooks/camlab/{NOTEBOOK}")
            if name == "alice":
                page.set_cell("// EXERCISE 2.1 ", solution("2.1"))
            page.run_all()

            first = page.cell_index(next(c for c in notebook_cells() if "Zoo.gapCnn()" in c))
            loaded = page.output_text(first)
            self.assertIn("Loaded gap-cnn from " + os.path.join(cache, "models", "gap-cnn-"), loaded, f"{name}: {loaded}")
            self.assertNotIn("Training", loaded, f"{name} trained a model of their own")
            self.assert_images_render(page, name)
            self.assert_verdict(page, "2.1", "PASS" if name == "alice" else "TODO", name)
            page.screenshot(f"hub-{name}-check", page.cell_index('check("2.1")'))

            if name == "alice":
                pids = descendants(self.server_pids[-1])
                print(f"memory per student after notebook 02 ({name}: server, kernel and their children, {len(pids)}"
                      f" processes): RSS {memory_kib(pids, 'VmRSS') / 1024:.0f} MB, PSS {memory_kib(pids, 'Pss') / 1024:.0f} MB")
            probe = page.append_cell(PROBE)
            observed = page.run_cell(probe)
            self.assert_progress_in_place(observed, probe, name)
            text = page.output_text(probe)
            match = re.search(r"pid=(\d+) cwd=(\S+) files=\[(.*)\]", text)
            self.assertIsNotNone(match, f"{name}'s probe printed:\n{text}")
            probes[name] = (int(match.group(1)), match.group(2), match.group(3))
            page.screenshot(f"hub-{name}-probe", probe)

        (pid_a, cwd_a, files_a), (pid_b, cwd_b, files_b) = probes["alice"], probes["bob"]
        self.assertNotEqual(pid_a, pid_b, "one kernel for two users")
        for name, (pid, cwd, files) in probes.items():
            home_course = os.path.join(homes, name, "camlab")
            self.assertEqual(home_course, cwd, f"{name}'s kernel works in {cwd}")
            self.assertEqual(home_course, os.readlink(f"/proc/{pid}/cwd"), f"{name}'s kernel process")
            self.assertIn(pid, descendants(self.server_pids[list(USERS).index(name)]), f"{name}'s kernel under {name}'s server")
            self.assertEqual(f"made-by-{name}.txt", files, f"{name} sees only their own files")
            with open(os.path.join(home_course, NOTEBOOK)) as f:
                self.assertIn("EXERCISE 2.1", f.read(), f"{name} got the course in ~/camlab")
            if ROOTED:
                self.assertEqual(USERS[name], process_uid(pid), f"{name}'s kernel runs under {name}'s uid")
        self.assertFalse(os.path.exists(os.path.join(homes, "bob", "camlab", "made-by-alice.txt")))
        self.assertEqual(cache_before, snapshot(cache), "the shared models were changed")


def process_uid(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(next(line for line in f if line.startswith("Uid:")).split()[1])


def snapshot(folder):
    found = {}
    for dirpath, _, files in os.walk(folder):
        for name in files:
            p = os.path.join(dirpath, name)
            found[os.path.relpath(p, folder)] = (os.path.getsize(p), os.path.getmtime(p))
    return found


if __name__ == "__main__":
    # the notebook page first: the model it trains is the one hub-setup then shares (else hub-setup trains it)
    suite = unittest.TestSuite()
    loader = unittest.TestLoader()
    suite.addTests(loader.loadTestsFromTestCase(NotebookCommandTest))
    suite.addTests(loader.loadTestsFromTestCase(HubTest))
    chosen = sys.argv[1:]
    if chosen:
        suite = unittest.TestSuite(t for t in suite if any(c in t.id() for c in chosen))
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() else 1)
