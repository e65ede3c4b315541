package dev.politely.bench.stage;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;

/**
 * The topics of the run, and a way to bound a stage's input to the newest records of a
 * topic.
 */
final class Topics {

	static final String SOLICITATIONS = "politely.solicitations";
	static final String VERDICTS = "politely.verdicts";
	static final String DECISIONS = "politely.decisions";
	static final String PASS_THROUGH = "bench.passthrough";

	private Topics() {
	}

	/**
	 * Moves each partition's log start so that about {@code keep} records remain in all,
	 * spread over the partitions as the records are (a consumer starting from the
	 * earliest offset then reads only those).
	 */
	static void keepNewest(Admin admin, String topic, int partitions, long keep) throws Exception {
		Map<TopicPartition, long[]> range = dev.politely.bench.measure.Progress.offsets(admin, topic, partitions);
		long total = dev.politely.bench.measure.Progress.size(range);
		if (total <= keep) {
			return;
		}
		Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
		range.forEach((tp, r) -> {
			long kept = Math.round((double) keep * (r[1] - r[0]) / total);
			delete.put(tp, RecordsToDelete.beforeOffset(r[1] - kept));
		});
		admin.deleteRecords(delete).all().get(60, TimeUnit.SECONDS);
	}

}
