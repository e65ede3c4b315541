package dev.politely.faults;

/** The three services, the environment variable naming each one's port, and the consumer group each one forms. */
enum Service {
    INTAKE("intake-service", "INTAKE_PORT", null),
    POLICY("policy-service", "POLICY_PORT", "politely-policy"),
    NOTIFICATION("notification-service", "NOTIFICATION_PORT", "politely-notification");

    final String module;
    final String portVariable;
    final String consumerGroup;

    Service(String module, String portVariable, String consumerGroup) {
        this.module = module;
        this.portVariable = portVariable;
        this.consumerGroup = consumerGroup;
    }

    String shortName() {
        return module.substring(0, module.indexOf('-'));
    }
}
