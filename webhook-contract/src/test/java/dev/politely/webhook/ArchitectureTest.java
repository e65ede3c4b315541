package dev.politely.webhook;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The webhook contract is a library both the intake and the policy service use: it must
 * stay free of frameworks and of any service's code.
 */
class ArchitectureTest {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.politely.webhook");

	@Test
	void knowsNoFrameworkAndNoService() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "dev.politely.intake..",
					"dev.politely.policy..", "dev.politely.notification..")
			.check(this.classes);
	}

}
