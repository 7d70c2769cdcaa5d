package camlab.exercises.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import camlab.exercises.graders.Points;
import camlab.exercises.registry.Exercise;

/**
 * The tests that grade one exercise and what each is worth: the test methods of its visible grader, then those of its
 * hidden grader — or, in a repository released to students, where hidden graders are left out, their names and
 * points from {@link #MANIFEST}.
 */
public final class GraderPlan {
  /** Where a released repository keeps the names and points of the hidden tests it does not contain. */
  public static final String MANIFEST = "camlab/exercises/hidden-tests.json";

  /**
   * One test method.
   *
   * @param key      {@code GraderClass#method}, as tests report themselves
   * @param name     the name students see
   * @param runnable false for a hidden test known only from the manifest
   */
  public record Item(String key, String name, boolean hidden, double points, boolean runnable) {}

  private final Exercise exercise;
  private final List<Item> items;
  private final List<Class<?>> visible;
  private final Optional<Class<?>> hidden;

  private GraderPlan(Exercise exercise, List<Item> items, List<Class<?>> visible, Optional<Class<?>> hidden) {
    this.exercise = exercise;
    this.items = List.copyOf(items);
    this.visible = visible;
    this.hidden = hidden;
  }

  /** The plan of {@code exercise}. */
  public static GraderPlan of(Exercise exercise) {
    Optional<Class<?>> hidden = exercise.hiddenGrader().flatMap(GraderPlan::load);
    List<Method> methods = new ArrayList<>(testMethods(exercise.grader()));
    int visibleCount = methods.size();
    List<JsonObject> manifest = List.of();
    if (hidden.isPresent()) {
      methods.addAll(testMethods(hidden.get()));
    } else if (exercise.hiddenGrader().isPresent()) {
      manifest = manifestEntries(exercise.id());
    }
    int count = methods.size() + manifest.size();
    if (count == 0) throw new IllegalStateException("the grader of " + exercise.id() + " has no tests");
    boolean stated = methods.stream().anyMatch(m -> m.isAnnotationPresent(Points.class));
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < methods.size(); i++) {
      Method m = methods.get(i);
      Points p = m.getAnnotation(Points.class);
      if (stated && p == null) {
        throw new IllegalStateException(exercise.id() + ": " + key(m) + " states no @Points, but other tests of the exercise do: all or none");
      }
      double points = stated ? p.value() : (double) exercise.points() / count;
      items.add(new Item(key(m), displayName(m), i >= visibleCount, points, true));
    }
    for (JsonObject e : manifest) {
      items.add(new Item(e.get("key").getAsString(), e.get("name").getAsString(), true, e.get("points").getAsDouble(), false));
    }
    double sum = items.stream().mapToDouble(Item::points).sum();
    if (Math.abs(sum - exercise.points()) > 1e-6) {
      throw new IllegalStateException(exercise.id() + ": its tests are worth " + sum + " points, the exercise " + exercise.points());
    }
    return new GraderPlan(exercise, items, List.of(exercise.grader()), hidden);
  }

  public Exercise exercise() {
    return exercise;
  }

  public List<Item> items() {
    return items;
  }

  public Optional<Item> item(String key) {
    return items.stream().filter(i -> i.key().equals(key)).findFirst();
  }

  /** The grader classes to run: the visible one, and the hidden one when {@code withHidden} and it is here. */
  public List<Class<?>> graders(boolean withHidden) {
    List<Class<?>> out = new ArrayList<>(visible);
    if (withHidden) hidden.ifPresent(out::add);
    return out;
  }

  /** True when the hidden tests can run here (an instructor's repository), false in a released one. */
  public boolean hiddenRunnable() {
    return items.stream().filter(Item::hidden).allMatch(Item::runnable);
  }

  public double points(boolean hiddenTests) {
    return items.stream().filter(i -> i.hidden() == hiddenTests).mapToDouble(Item::points).sum();
  }

  /** {@code GraderClass#method}: the key a test method's results are filed under. */
  public static String key(Method m) {
    return m.getDeclaringClass().getSimpleName() + "#" + m.getName();
  }

  private static String displayName(Method m) {
    DisplayName d = m.getAnnotation(DisplayName.class);
    return d == null ? m.getName() : d.value();
  }

  /** The class's {@code @Test} and {@code @TestFactory} methods, its superclasses' included, in {@code @Order}. */
  static List<Method> testMethods(Class<?> grader) {
    List<Method> methods = new ArrayList<>();
    for (Class<?> c = grader; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(TestFactory.class)) methods.add(m);
      }
    }
    methods.sort(Comparator.comparingInt((Method m) -> m.isAnnotationPresent(Order.class) ? m.getAnnotation(Order.class).value()
        : Order.DEFAULT).thenComparing(Method::getName));
    return methods;
  }

  private static Optional<Class<?>> load(String className) {
    try {
      return Optional.of(Class.forName(className, true, GraderPlan.class.getClassLoader()));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  private static List<JsonObject> manifestEntries(String id) {
    try (InputStream in = GraderPlan.class.getClassLoader().getResourceAsStream(MANIFEST)) {
      if (in == null) {
        throw new IllegalStateException("the hidden grader of " + id + " is not here and there is no " + MANIFEST
            + " naming its tests: a released repository is made by ./camlab release");
      }
      JsonObject all = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
      JsonArray tests = all.has(id) ? all.getAsJsonArray(id) : new JsonArray();
      List<JsonObject> out = new ArrayList<>();
      for (JsonElement t : tests) out.add(t.getAsJsonObject());
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The manifest of {@code plans}' hidden tests, as a released repository carries it. */
  public static String manifest(List<GraderPlan> plans) {
    JsonObject all = new JsonObject();
    for (GraderPlan plan : plans) {
      JsonArray tests = new JsonArray();
      for (Item i : plan.items()) {
        if (!i.hidden()) continue;
        JsonObject t = new JsonObject();
        t.addProperty("key", i.key());
        t.addProperty("name", i.name());
        t.addProperty("points", i.points());
        tests.add(t);
      }
      if (!tests.isEmpty()) all.add(plan.exercise().id(), tests);
    }
    return new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(all) + "\n";
  }

}
