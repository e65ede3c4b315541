package dev.politely.local.deadletter;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code ./politely dead-letters list [TOPIC...]} and
 * {@code ./politely dead-letters replay TOPIC (--all | --offset PARTITION@OFFSET ...)},
 * against {@code --bootstrap HOST:PORT} ({@code $KAFKA_BOOTSTRAP_SERVERS}, or the local
 * stack's {@code localhost:9092}).
 */
public final class DeadLettersCommand {

	static final String USAGE = """
			usage: dead-letters list [TOPIC...] [--bootstrap HOST:PORT]
			       dead-letters replay TOPIC (--all | --offset PARTITION@OFFSET ...) [--bootstrap HOST:PORT]
			  list     every record of the dead-letter topics (all topics named *-dlt by default): where it
			           came from, why it was given up, and whether it was replayed already
			  replay   puts the records back on the topic they came from, once the cause is fixed; a record
			           already replayed is not replayed again
			""";

	private DeadLettersCommand() {
	}

	public static void main(String[] args) {
		try {
			System.exit(run(args, System.out));
		}
		catch (IllegalArgumentException ex) {
			System.err.println("dead-letters: " + ex.getMessage());
			System.err.print(USAGE);
			System.exit(2);
		}
		catch (IllegalStateException ex) {
			System.err.println("dead-letters: " + ex.getMessage()
					+ (ex.getCause() == null ? "" : " (" + ex.getCause().getMessage() + ")"));
			System.exit(1);
		}
	}

	static int run(String[] args, PrintStream out) {
		List<String> words = new ArrayList<>();
		String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
		boolean all = false;
		Map<Integer, Set<Long>> offsets = new TreeMap<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--bootstrap" -> bootstrap = value(args, ++i, "--bootstrap");
				case "--all" -> all = true;
				case "--offset" -> {
					String spec = value(args, ++i, "--offset");
					String[] parts = spec.split("@");
					if (parts.length != 2 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")) {
						throw new IllegalArgumentException(
								"--offset " + spec + ": expected PARTITION@OFFSET, e.g. 0@12");
					}
					offsets.computeIfAbsent(Integer.valueOf(parts[0]), absent -> new TreeSet<>())
						.add(Long.valueOf(parts[1]));
				}
				case "-h", "--help" -> {
					out.print(USAGE);
					return 0;
				}
				default -> {
					if (args[i].startsWith("-")) {
						throw new IllegalArgumentException("unknown option " + args[i]);
					}
					words.add(args[i]);
				}
			}
		}
		if (words.isEmpty()) {
			throw new IllegalArgumentException("list or replay?");
		}
		return switch (words.get(0)) {
			case "list" -> list(new DeadLetterTopics(bootstrap), words.subList(1, words.size()), out);
			case "replay" -> {
				if (words.size() != 2) {
					throw new IllegalArgumentException("replay takes one TOPIC");
				}
				if (all == !offsets.isEmpty()) {
					throw new IllegalArgumentException("replay needs either --all or --offset PARTITION@OFFSET");
				}
				yield replay(new Replayer(bootstrap), words.get(1), all ? null : offsets, out);
			}
			default -> throw new IllegalArgumentException("unknown command " + words.get(0));
		};
	}

	private static int list(DeadLetterTopics topics, List<String> names, PrintStream out) {
		List<String> listed = names.isEmpty() ? topics.names() : names;
		out.printf("%-28s %4s %8s  %-24s  %-44s %-8s %-32s %s%n", "TOPIC", "PART", "OFFSET", "TIME", "KEY", "REPLAYED",
				"SOURCE", "REASON");
		int count = 0;
		for (String topic : listed) {
			ReplayMarks replayed = topics.replayMarks(topic);
			for (DeadLetter letter : topics.read(topic)) {
				out.printf("%-28s %4d %8d  %-24s  %-44s %-8s %-32s %s%n", letter.topic(), letter.partition(),
						letter.offset(), letter.time(), letter.key(),
						replayed.replayed(letter.partition(), letter.offset()) ? "yes" : "no",
						letter.source() == null ? "?" : letter.source(), oneLine(letter.reason()));
				count++;
			}
		}
		out.println(count + " dead letter(s) in " + listed.size() + " topic(s): " + String.join(", ", listed));
		return 0;
	}

	private static int replay(Replayer replayer, String topic, Map<Integer, Set<Long>> offsets, PrintStream out) {
		Replayer.Result result = replayer.replay(topic, offsets);
		for (DeadLetter letter : result.replayed()) {
			out.printf("replayed %s-%d@%d to %s (key %s)%n", letter.topic(), letter.partition(), letter.offset(),
					letter.source().topic(), letter.key());
		}
		for (DeadLetter letter : result.skipped()) {
			out.printf("skipped  %s-%d@%d: replayed already%n", letter.topic(), letter.partition(), letter.offset());
		}
		for (String missing : result.missing()) {
			out.printf("missing  %s-%s: no such dead letter%n", topic, missing);
		}
		out.printf("%d replayed, %d already replayed, %d not found%n", result.replayed().size(),
				result.skipped().size(), result.missing().size());
		return result.missing().isEmpty() ? 0 : 1;
	}

	private static String value(String[] args, int i, String option) {
		if (i >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[i];
	}

	private static String oneLine(String text) {
		String line = text.replaceAll("\\s+", " ");
		return line.length() > 200 ? line.substring(0, 200) + "..." : line;
	}

}
