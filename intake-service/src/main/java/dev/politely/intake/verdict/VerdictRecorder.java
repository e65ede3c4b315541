package dev.politely.intake.verdict;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.politely.intake.config.IntakeProperties;
import dev.politely.intake.event.EventHeaders;
import dev.politely.intake.event.EventNotWrittenException;
import dev.politely.intake.event.EventWriter;
import dev.politely.intake.owner.OwnerDirectory;
import dev.politely.intake.verdict.VerdictTokens.Check;
import dev.politely.intake.verdict.VerdictTokens.Invalid;
import dev.politely.intake.verdict.VerdictTokens.Valid;
import dev.politely.webhook.verdict.VerdictKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Checks verdict links, and records the verdict of a valid one. Recording writes a
 * {@link VerdictRecorded} every time it is asked: the event id is derived from the token,
 * and the policy service decides a REVIEW on the first verdict only, so a second POST
 * changes nothing downstream.
 */
@Service
public class VerdictRecorder {

	static final String EVENT_TYPE = "dev.politely.verdict.recorded.v1";

	static final String EVENT_SOURCE = "/politely/intake/verdicts";

	static final String RECORDED = "politely.verdicts.recorded";

	private static final Logger log = LoggerFactory.getLogger(VerdictRecorder.class);

	private final OwnerDirectory owners;

	private final VerdictKeys keys;

	private final EventWriter writer;

	private final Clock clock;

	private final String topic;

	private final MeterRegistry metrics;

	private final Duration verdictTtl;

	/**
	 * @param verdictTtl the lifetime the policy gives its links
	 * ({@code POLITELY_VERDICT_TTL}, read from the same variable): no valid link outlives
	 * it
	 */
	VerdictRecorder(OwnerDirectory owners, VerdictKeys keys, EventWriter writer, Clock clock,
			IntakeProperties properties, MeterRegistry metrics,
			@Value("${politely.verdict-ttl:14d}") Duration verdictTtl) {
		this.owners = owners;
		this.keys = keys;
		this.writer = writer;
		this.clock = clock;
		this.topic = properties.topics().verdicts();
		this.metrics = metrics;
		this.verdictTtl = verdictTtl;
	}

	/** What the link is worth now; decides nothing. */
	public Check check(String token) {
		Check check = VerdictTokens.check(token, this.keys, this.owners::find, this.clock.instant(), this.verdictTtl);
		if (check instanceof Invalid invalid) {
			log.warn("Verdict link refused: {}", invalid.refusal());
		}
		return check;
	}

	/**
	 * Writes the verdict of a link {@link #check(String)} found valid.
	 * @throws EventNotWrittenException when Kafka did not acknowledge the write: nothing
	 * was recorded
	 */
	public void record(String token, Valid valid) {
		VerdictToken link = valid.token();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		this.writer.write(this.topic, link.ownerId(), VerdictRecorded.of(link, now),
				new EventHeaders(eventId(token).toString(), EVENT_SOURCE, EVENT_TYPE, now));
		Counter.builder(RECORDED)
			.description("Verdicts written from the owners' links, a repeated POST included")
			.tag("verdict", link.verdict().name())
			.register(this.metrics)
			.increment();
		log.info("Verdict {} recorded for solicitation {} of owner {}", link.verdict(), link.solicitationId(),
				link.ownerId());
	}

	/**
	 * The same link always gives the same event id, so that a repeated POST is
	 * recognisably the same event.
	 */
	static UUID eventId(String token) {
		return UUID.nameUUIDFromBytes(("verdict:" + token).getBytes(StandardCharsets.UTF_8));
	}

}
