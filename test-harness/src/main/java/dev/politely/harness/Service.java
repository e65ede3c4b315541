package dev.politely.harness;

/**
 * The three services, the environment variable naming each one's port, and the consumer
 * group each one forms.
 */
public enum Service {

	INTAKE("intake-service", "INTAKE_PORT", null, 0),
	/** One stream thread: one member of the group per instance. */
	POLICY("policy-service", "POLICY_PORT", "politely-policy", 1),
	/**
	 * Two listener threads by default (spring.kafka.listener.concurrency): two members
	 * per instance.
	 */
	NOTIFICATION("notification-service", "NOTIFICATION_PORT", "politely-notification", 2);

	public final String module;

	public final String portVariable;

	public final String consumerGroup;

	public final int membersPerInstance;

	Service(String module, String portVariable, String consumerGroup, int membersPerInstance) {
		this.module = module;
		this.portVariable = portVariable;
		this.consumerGroup = consumerGroup;
		this.membersPerInstance = membersPerInstance;
	}

	public String shortName() {
		return module.substring(0, module.indexOf('-'));
	}

}
