package dev.politely.policy.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The policy service's settings ({@code politely.*}).
 *
 * @param profilesDir where the owners' {@code <ownerId>.yml} profiles are read from
 * @param profilesRefresh how often the directory is rescanned for changes
 * @param publicUrl the intake's public base URL, for the verdict links of REVIEW emails
 * @param verdictTtl how long a verdict link stays valid
 */
@ConfigurationProperties("politely")
public record PolicyProperties(Path profilesDir, Duration profilesRefresh, String publicUrl, Duration verdictTtl,
		Topics topics) {

	/**
	 * @param partitions partitions of every topic, fixed once created
	 * @param replicas replication factor of every topic, the Streams internal ones too
	 * @param minInsyncReplicas replicas that must have a write before it is acknowledged
	 */
	public record Topics(String solicitations, String verdicts, String decisions, int partitions, short replicas,
			int minInsyncReplicas) {

		public String deadLetters() {
			return solicitations + "-dlt";
		}
	}
}
