package dev.politely.bench.stack;

/**
 * The three services, the variable naming each one's port, and the consumer group each
 * one forms.
 */
public enum Service {

	INTAKE("intake-service", "INTAKE_PORT", null), POLICY("policy-service", "POLICY_PORT", "politely-policy"),
	NOTIFICATION("notification-service", "NOTIFICATION_PORT", "politely-notification");

	public final String module;

	final String portVariable;

	public final String consumerGroup;

	Service(String module, String portVariable, String consumerGroup) {
		this.module = module;
		this.portVariable = portVariable;
		this.consumerGroup = consumerGroup;
	}

	public String shortName() {
		return module.substring(0, module.indexOf('-'));
	}

}
