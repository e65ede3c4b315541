package dev.politely.profile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns a profile file's bytes into a tree of maps, lists, text and nulls, or into an
 * error.
 */
final class ProfileYaml {

	private ProfileYaml() {
	}

	/** The document, or null with the reason added to {@code errors}. */
	static Object load(String fileName, byte[] bytes, List<ProfileError> errors) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException e) {
			errors.add(new ProfileError(fileName, null, "is not UTF-8 text"));
			return null;
		}
		try {
			return yaml().load(text);
		}
		catch (MarkedYAMLException e) {
			String where = e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 1)
					+ ", column " + (e.getProblemMark().getColumn() + 1);
			errors.add(new ProfileError(fileName, null, "is not valid YAML: " + e.getProblem() + where));
		}
		catch (YAMLException e) {
			errors.add(new ProfileError(fileName, null, "is not valid YAML: " + e.getMessage()));
		}
		return null;
	}

	/**
	 * A loader that reads every plain scalar as text except {@code null} and {@code ~}.
	 * YAML 1.1 would otherwise turn {@code since: 2019-03-01} into a Date, {@code no} and
	 * {@code on} into booleans and {@code 18:00} into the number 1080: we convert the
	 * text ourselves, per key. Duplicate keys are refused, since the second one would
	 * silently win.
	 */
	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(10);
		options.setCodePointLimit(1024 * 1024);
		Resolver textOnly = new Resolver() {
			@Override
			protected void addImplicitResolvers() {
				addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
				addImplicitResolver(Tag.NULL, EMPTY, null, 10);
			}
		};
		DumperOptions dumperOptions = new DumperOptions();
		return new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options, textOnly);
	}

}
