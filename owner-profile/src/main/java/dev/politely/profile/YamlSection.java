package dev.politely.profile;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One map of the YAML document being read, with its key path, collecting every error
 * instead of stopping at the first: the person editing the file sees all of them at once.
 */
final class YamlSection {

	private final String file;

	private final String path;

	private final Map<?, ?> values;

	private final List<ProfileError> errors;

	private YamlSection(String file, String path, Map<?, ?> values, List<ProfileError> errors) {
		this.file = file;
		this.path = path;
		this.values = values;
		this.errors = errors;
	}

	static YamlSection root(String file, Map<?, ?> values, List<ProfileError> errors) {
		return new YamlSection(file, "", values, errors);
	}

	/**
	 * Reports every key not in {@code known}, with the closest known key when it looks
	 * like a typo.
	 */
	void allowOnly(Set<String> known) {
		for (Object key : values.keySet()) {
			if (!(key instanceof String name)) {
				errors.add(new ProfileError(file, path.isEmpty() ? null : path,
						"keys must be text, got " + describe(key)));
			}
			else if (!known.contains(name)) {
				String hint = closest(name, known).map(k -> ", did you mean '" + k + "'?").orElse("");
				error(name, "unknown key '" + name + "'" + hint);
			}
		}
	}

	boolean has(String key) {
		return values.get(key) != null;
	}

	/**
	 * A nested map; absent or null gives an empty section, so every key in it takes its
	 * default.
	 */
	YamlSection section(String key) {
		Object value = values.get(key);
		if (value == null) {
			return new YamlSection(file, pathOf(key), Map.of(), errors);
		}
		if (value instanceof Map<?, ?> map) {
			return new YamlSection(file, pathOf(key), map, errors);
		}
		error(key, "must be a section of keys, got " + describe(value));
		return new YamlSection(file, pathOf(key), Map.of(), errors);
	}

	/**
	 * A list of maps, such as the contacts; each element is its own section,
	 * {@code key[i]}.
	 */
	List<YamlSection> sections(String key) {
		List<YamlSection> sections = new ArrayList<>();
		List<?> items = list(key);
		for (int i = 0; i < items.size(); i++) {
			String itemPath = pathOf(key) + "[" + i + "]";
			if (items.get(i) instanceof Map<?, ?> map) {
				sections.add(new YamlSection(file, itemPath, map, errors));
			}
			else {
				errors
					.add(new ProfileError(file, itemPath, "must be a section of keys, got " + describe(items.get(i))));
			}
		}
		return sections;
	}

	/** Text, trimmed; null when absent. */
	String text(String key) {
		Object value = values.get(key);
		if (value == null) {
			return null;
		}
		String text = scalar(value);
		if (text == null) {
			error(key, "must be text, got " + describe(value));
		}
		return text == null ? null : text.trim();
	}

	/**
	 * Text that must be present and pass {@code problem} (which returns what is wrong, or
	 * null).
	 */
	String requiredText(String key, Function<String, String> problem, boolean secret) {
		if (values.get(key) == null) {
			error(key, "is required");
			return null;
		}
		return checkedText(key, problem, secret);
	}

	/**
	 * Text that, when present, must pass {@code problem}; null when absent or wrong. The
	 * value is echoed in the error, unless it is {@code secret}.
	 */
	String checkedText(String key, Function<String, String> problem, boolean secret) {
		String text = text(key);
		if (text == null) {
			return null;
		}
		String wrong = text.isEmpty() ? "must not be empty" : problem.apply(text);
		if (wrong != null) {
			error(key, secret ? wrong : wrong + ", got " + quoted(text));
			return null;
		}
		return text;
	}

	int integer(String key, int min, int fallback) {
		String text = text(key);
		if (text == null) {
			return fallback;
		}
		if (text.matches("-?[0-9]{1,9}") && Integer.parseInt(text) >= min) {
			return Integer.parseInt(text);
		}
		error(key, "must be an integer >= " + min + ", got " + quoted(text));
		return fallback;
	}

	/** One constant of {@code type}, written in any case. */
	<E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
		String text = text(key);
		if (text == null) {
			return fallback;
		}
		E value = constant(type, text);
		if (value == null) {
			error(key, "must be one of " + constants(type) + ", got " + quoted(text));
			return fallback;
		}
		return value;
	}

	<E extends Enum<E>> List<E> choices(String key, Class<E> type) {
		List<E> chosen = new ArrayList<>();
		List<String> texts = texts(key, List.of());
		for (String text : texts) {
			E value = constant(type, text);
			if (value == null) {
				error(key, "must list only " + constants(type) + ", got " + quoted(text));
			}
			else {
				chosen.add(value);
			}
		}
		return chosen;
	}

	/**
	 * A list of texts; absent or null gives {@code fallback}. Blank entries are refused.
	 */
	List<String> texts(String key, List<String> fallback) {
		if (values.get(key) == null) {
			return fallback;
		}
		List<String> texts = new ArrayList<>();
		for (Object item : list(key)) {
			String text = scalar(item);
			if (text == null || text.isBlank()) {
				error(key, "must be a list of text, got " + describe(item) + " in it");
			}
			else {
				texts.add(text.trim());
			}
		}
		return texts;
	}

	/**
	 * An error about this section as a whole, e.g. a contact with neither email nor
	 * profileUrl.
	 */
	void error(String message) {
		errors.add(new ProfileError(file, path.isEmpty() ? null : path, message));
	}

	void error(String key, String message) {
		errors.add(new ProfileError(file, pathOf(key), message));
	}

	String pathOf(String key) {
		return path.isEmpty() ? key : path + "." + key;
	}

	private List<?> list(String key) {
		Object value = values.get(key);
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list;
		}
		error(key, "must be a list, e.g. [a, b], got " + describe(value));
		return List.of();
	}

	/**
	 * The text of a scalar. The parser resolves plain scalars to text only, but an
	 * explicit tag ({@code !!int}, {@code !!timestamp}, {@code !!bool}) still yields
	 * another type.
	 */
	private static String scalar(Object value) {
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		if (value instanceof Date date) {
			SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd", Locale.ROOT);
			iso.setTimeZone(TimeZone.getTimeZone("UTC")); // SnakeYAML reads a bare date
															// as UTC midnight
			return iso.format(date);
		}
		return null;
	}

	private static <E extends Enum<E>> E constant(Class<E> type, String text) {
		return Stream.of(type.getEnumConstants())
			.filter(e -> e.name().equalsIgnoreCase(text.trim()))
			.findFirst()
			.orElse(null);
	}

	private static <E extends Enum<E>> String constants(Class<E> type) {
		return Stream.of(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
	}

	private static String describe(Object value) {
		if (value instanceof Map) {
			return "a section";
		}
		if (value instanceof List) {
			return "a list";
		}
		String text = scalar(value);
		return text == null ? "an unreadable value" : quoted(text);
	}

	private static String quoted(String text) {
		String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
		return "\"" + shown + "\"";
	}

	private static Optional<String> closest(String name, Set<String> known) {
		return known.stream()
			.filter(k -> distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT)) <= 2)
			.min((a, b) -> distance(name, a) - distance(name, b));
	}

	/**
	 * Levenshtein distance, enough to suggest {@code whenUnsure} for {@code whenUnsur}.
	 */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
