"""Helpers for driving an INSTALLED kernel through Debian's jupyter_client, shared by the kernel's protocol suite
(kernel_protocol_test.py, against the plain kernel) and the course's (course/src/test/python, against camlab-java).

Environment:
  CAMLAB_IT_KERNEL        the kernelspec the tests start (installed in JUPYTER_DATA_DIR)
  CAMLAB_IT_DIR           a scratch folder for files the tests write (and the kernel's working directory)
"""

import os
import queue
import re
import time

from jupyter_client.manager import KernelManager

KERNEL = os.environ["CAMLAB_IT_KERNEL"]
IT_DIR = os.environ["CAMLAB_IT_DIR"]
STOP_GRACE = 2.0  # KernelSettings.STOP_GRACE


class Result:
    """What one execute_request produced."""

    def __init__(self, reply, outputs, seconds):
        self.reply = reply
        self.outputs = outputs
        self.seconds = seconds

    @property
    def status(self):
        return self.reply["status"]

    def stream(self, name):
        return "".join(c["text"] for t, c in self.outputs if t == "stream" and c["name"] == name)

    def of_type(self, msg_type):
        return [c for t, c in self.outputs if t == msg_type]

    @property
    def error(self):
        errors = self.of_type("error")
        return errors[0] if errors else None

    def traceback(self):
        plain = "\n".join(self.error["traceback"]) if self.error else ""
        return strip_ansi(plain)

    def result(self, mime="text/plain"):
        results = self.of_type("execute_result")
        return results[0]["data"].get(mime) if results else None

    def __repr__(self):
        return f"Result(status={self.status}, outputs={self.outputs!r})"


def strip_ansi(s):
    return re.sub(r"\x1b\[[0-9;]*m", "", s)


def start_kernel(name=KERNEL, env=None):
    km = KernelManager(kernel_name=name)
    kernel_env = dict(os.environ)
    kernel_env.update(env or {})
    km.start_kernel(cwd=IT_DIR, env=kernel_env)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    return km, kc


def stop_kernel(km, kc):
    kc.stop_channels()
    if km.has_kernel:
        km.shutdown_kernel(now=False)


def send(kc, code):
    return kc.execute(code, store_history=True, allow_stdin=False)


def collect(kc, msg_id, timeout=120, started=None):
    """Gathers the iopub output of msg_id until the kernel is idle, then its shell reply."""
    t0 = started or time.monotonic()
    deadline = time.monotonic() + timeout
    outputs = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"no idle status within {timeout} s; outputs so far: {outputs!r}")
        try:
            msg = kc.get_iopub_msg(timeout=remaining)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            break
        if kind in ("stream", "display_data", "update_display_data", "execute_result", "error"):
            outputs.append((kind, msg["content"]))
    while True:
        reply = kc.get_shell_msg(timeout=max(1, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return Result(reply["content"], outputs, time.monotonic() - t0)


def run(kc, code, timeout=120):
    return collect(kc, send(kc, code), timeout)


def wait_for_stdout(kc, msg_id, text, timeout=60):
    """Waits until the running cell printed `text` (so it is really running), keeping other output."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=deadline - time.monotonic())
        except queue.Empty:
            break
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                and text in msg["content"]["text"]):
            return
    raise AssertionError(f"the cell never printed {text!r}")


def shell_reply(kc, msg_id, timeout=30):
    return shell_message(kc, msg_id, timeout)["content"]


def shell_message(kc, msg_id, timeout=30):
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def control_reply(kc, msg_id, timeout=30):
    while True:
        reply = kc.get_control_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def process_gone(pid):
    """True once pid no longer runs (a zombie waiting for its parent counts as gone)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            return any(line.startswith("State:") and "Z" in line.split()[1] for line in f)
    except FileNotFoundError:
        return True


def wait_gone(pid, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process_gone(pid):
            return True
        time.sleep(0.1)
    return False


def write(name, text):
    path = os.path.join(IT_DIR, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def notebook(name, *code_cells, markdown_first=True):
    import nbformat
    nb = nbformat.v4.new_notebook()
    if markdown_first:
        nb.cells.append(nbformat.v4.new_markdown_cell("# setup"))
    nb.cells.extend(nbformat.v4.new_code_cell(c) for c in code_cells)
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": KERNEL, "language": "java"}
    path = os.path.join(IT_DIR, name)
    nbformat.write(nb, path)
    return path


def cpu_seconds(pid):
    """User + system CPU time a process has used so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
