package camlab.kernel.protocol;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The kernel's five sockets, bound to the ports of the connection file: shell, control and stdin (ROUTER), IOPub
 * (PUB) and the heartbeat (REP, echoed on its own thread).
 */
public final class Sockets implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Sockets.class.getName());
  /** How long closing waits for replies still queued (a shutdown_reply must reach the client). */
  private static final int LINGER_MILLIS = 1000;

  private final ZContext context = new ZContext(1);
  private final MessageFactory messages = new MessageFactory();
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final Channel shell;
  private final Channel control;
  private final Channel stdin;
  private final IOPub iopub;
  private final Thread heartbeat;

  private Sockets(ConnectionFile cf) {
    context.setLinger(LINGER_MILLIS);
    WireFormat wire = new WireFormat(MessageSigner.of(cf.signatureScheme(), cf.key()));
    shell = new Channel("shell", bind(SocketType.ROUTER, cf, cf.shellPort()), wire);
    control = new Channel("control", bind(SocketType.ROUTER, cf, cf.controlPort()), wire);
    stdin = new Channel("stdin", bind(SocketType.ROUTER, cf, cf.stdinPort()), wire);
    ZMQ.Socket pub = context.createSocket(SocketType.PUB);
    // No high-water mark: a PUB socket silently drops messages past it (1000 by default), which lost output when a
    // client read slower than a cell printed. What a cell can send is bounded by the output limit per cell instead.
    pub.setSndHWM(0);
    pub.setLinger(LINGER_MILLIS);
    bindTo(pub, cf, cf.iopubPort());
    iopub = new IOPub(pub, wire, messages);
    ZMQ.Socket hb = bind(SocketType.REP, cf, cf.hbPort());
    heartbeat = new Thread(() -> echo(hb), "camlab-heartbeat");
    heartbeat.setDaemon(true);
    heartbeat.start();
  }

  /** Binds all five sockets and starts the heartbeat. */
  public static Sockets bind(ConnectionFile cf) {
    return new Sockets(cf);
  }

  private ZMQ.Socket bind(SocketType type, ConnectionFile cf, int port) {
    ZMQ.Socket s = context.createSocket(type);
    s.setLinger(LINGER_MILLIS);
    bindTo(s, cf, port);
    return s;
  }

  private static void bindTo(ZMQ.Socket s, ConnectionFile cf, int port) {
    String endpoint = cf.endpoint(port);
    try {
      s.bind(endpoint);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot bind " + endpoint + " (is another kernel using this connection file?): " + e, e);
    }
  }

  private void echo(ZMQ.Socket hb) {
    hb.setReceiveTimeOut(Channel.POLL_MILLIS);
    while (open.get()) {
      try {
        byte[] ping = hb.recv(0);
        if (ping != null) hb.send(ping, 0);
      } catch (RuntimeException e) {
        if (open.get()) LOG.warning("heartbeat: " + e);
        return;
      }
    }
  }

  public Channel shell() {
    return shell;
  }

  public Channel control() {
    return control;
  }

  public Channel stdin() {
    return stdin;
  }

  public IOPub iopub() {
    return iopub;
  }

  public MessageFactory messages() {
    return messages;
  }

  public boolean isOpen() {
    return open.get();
  }

  /** Stops the heartbeat and closes the sockets, waiting up to a second for queued messages to leave. */
  @Override
  public void close() {
    if (!open.compareAndSet(true, false)) return;
    try {
      heartbeat.join(2L * Channel.POLL_MILLIS + 100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    context.close();
  }
}
