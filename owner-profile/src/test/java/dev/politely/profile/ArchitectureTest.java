package dev.politely.profile;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The profile reader is a library every service uses: it must stay free of frameworks and
 * of any service's code, and the policy's decision core may depend on it.
 */
class ArchitectureTest {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.politely.profile");

	@Test
	void knowsNoFrameworkAndNoService() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "dev.politely.intake..",
					"dev.politely.policy..", "dev.politely.notification..", "dev.politely.webhook..")
			.check(this.classes);
	}

}
