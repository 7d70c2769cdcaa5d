package camlab.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import camlab.data.FashionMnist;
import camlab.data.LocalizationSet;
import camlab.evaluate.localization.PointingGame;
import camlab.explain.ActivationMaps;
import camlab.explain.Cam;
import camlab.ops.Box;
import camlab.ops.MapBoxes;
import camlab.util.AtomicFile;
import camlab.util.Devices;
import camlab.util.Knobs;
import camlab.util.Progress;
import camlab.viz.Colormap;
import camlab.viz.Overlay;
import camlab.zoo.ModelCache;
import camlab.zoo.Zoo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code camlab demo}: the course in one command without Jupyter — fetch the data, train or load the
 * GAP-CNN, compute CAMs for the test split, and write an HTML page of overlays with the accuracy and
 * the pointing-game score.
 */
final class DemoCommand implements Main.Command {
  private static final int BATCH = 200;
  private static final int SCALE = 3;
  /** The test split's size: every example the page can show. */
  private static final int MAX_EXAMPLES = 10_000;

  @Override
  public String summary() {
    return "train or load the GAP-CNN, compute CAMs on the test split, write an HTML page (--out DIR, --examples N, --device)";
  }

  /** What the page shows for one test image. */
  private record Example(LocalizationSet.Sample sample, float[] map, Box camBox, int predicted, float probability, boolean hit) {}

  @Override
  public int run(String[] argv) throws Exception {
    Args args = new Args("demo", argv, Set.of("out", "examples", "device"), Set.of());
    Path out = Path.of(args.get("out", "out/demo")).toAbsolutePath();
    int wanted = args.getInt("examples", 24, 0, MAX_EXAMPLES);
    new Outputs().writesFile("--out", out.resolve("index.html")).check();

    FashionMnist.fetch(line -> {});
    try (ModelCache.Trained trained = Zoo.load("gap-cnn", Devices.parse(args.get("device")))) {
      LocalizationSet test = LocalizationSet.of(LocalizationSet.Split.TEST, LocalizationSet.Settings.DEFAULT, Knobs.evalLimit());
      int n = test.size();
      int size = test.canvasSize();
      Cam cam = new Cam();
      long correct = 0;
      long hits = 0;
      List<Example> examples = new ArrayList<>();
      try (NDManager manager = NDManager.newBaseManager(trained.classifier().device());
          Progress progress = Progress.start("CAM on the test split", n)) {
        for (int from = 0; from < n; from += BATCH) {
          int to = Math.min(n, from + BATCH);
          try (NDManager batchScope = manager.newSubManager()) {
            NDList batch = test.batch(batchScope, from, to);
            ActivationMaps maps = cam.explain(trained.classifier(), batch.get(0))
                .upsampleThenNormalize(size, size, ActivationMaps.Normalization.MIN_MAX);
            float[][] host = maps.flatMaps();
            int[] predicted = maps.classes();
            NDArray probabilities = maps.logits().softmax(1).max(new int[] {1});
            float[] top = probabilities.toFloatArray();
            for (int b = 0; b < to - from; b++) {
              LocalizationSet.Sample sample = test.get(from + b);
              float[] map = host[b];
              boolean hit = PointingGame.hit(map, size, sample.box());
              if (predicted[b] == sample.label()) correct++;
              if (hit) hits++;
              if (examples.size() < wanted) {
                Box box = MapBoxes.largestComponentBox(map, size, size, MapBoxes.CAM_THRESHOLD).orElse(null);
                examples.add(new Example(sample, map, box, predicted[b], top[b], hit));
              }
            }
          }
          progress.update(to, "");
        }
      }
      double accuracy = (double) correct / n;
      double pointing = (double) hits / n;
      Path page = out.resolve("index.html");
      AtomicFile.writeString(page, html(trained, n, accuracy, pointing, examples, size));
      System.out.println("Wrote " + page);
      System.out.printf("accuracy=%.4f pointing_game=%.4f%n", accuracy, pointing);
    }
    return 0;
  }

  private static String html(ModelCache.Trained trained, int n, double accuracy, double pointing, List<Example> examples, int size) {
    StringBuilder h = new StringBuilder();
    h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>CamLab demo: CAM on the localization set</title><style>")
        .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}td{padding:4px;text-align:center;")
        .append("font-size:12px;vertical-align:top}img{image-rendering:pixelated;display:block}.miss{color:#c00}.hit{color:#080}")
        .append("</style></head><body><h1>Class activation maps on the localization set</h1>")
        .append(String.format("<p>Model: <b>%s</b>, trained on labels only (%s). Test images: %d.</p>", trained.classifier().architecture(),
            trained.info().training(), n))
        .append(String.format("<p>Test accuracy: <b>%.2f %%</b> &nbsp; Pointing game (arg-max of the upsampled CAM inside the true box): "
            + "<b>%.2f %%</b></p>", 100 * accuracy, 100 * pointing))
        .append("<p>Each row: the canvas; the true box (green); the CAM of the predicted class, bilinearly upsampled and min–max "
            + "normalised (jet colormap: red = strongest evidence); the box of the largest region above 20 % of the map's max (red) "
            + "next to the true box.</p><table><tr><th>image</th><th>true box</th><th>CAM</th><th>CAM box</th><th></th></tr>");
    for (Example e : examples) {
      LocalizationSet.Sample s = e.sample();
      String image = Overlay.dataUri(Overlay.grey(s.image(), size, size, SCALE));
      String truth = Overlay.dataUri(Overlay.drawBox(Overlay.grey(s.image(), size, size, SCALE), s.box(), SCALE, Overlay.TRUE_BOX));
      String heat = Overlay.dataUri(Overlay.heat(s.image(), e.map(), size, size, SCALE, 0.5f, Colormap.JET));
      var boxes = Overlay.heat(s.image(), e.map(), size, size, SCALE, 0.5f, Colormap.JET);
      Overlay.drawBox(boxes, s.box(), SCALE, Overlay.TRUE_BOX);
      Overlay.drawBox(boxes, e.camBox(), SCALE, Overlay.MAP_BOX);
      String iou = e.camBox() == null ? "no box" : String.format("IoU %.2f", e.camBox().iou(s.box()));
      h.append("<tr>");
      for (String uri : List.of(image, truth, heat, Overlay.dataUri(boxes))) h.append("<td><img src=\"").append(uri).append("\"></td>");
      h.append(String.format("<td style=\"text-align:left\">#%d<br>true: %s<br>predicted: %s (%.0f %%)<br>%s<br><span class=\"%s\">%s</span></td></tr>",
          s.index(), s.className(), FashionMnist.CLASS_NAMES.get(e.predicted()), 100 * e.probability(), iou,
          e.hit() ? "hit" : "miss", e.hit() ? "pointing: hit" : "pointing: miss"));
    }
    return h.append("</table></body></html>\n").toString();
  }
}
