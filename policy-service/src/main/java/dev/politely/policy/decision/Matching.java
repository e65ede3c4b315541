package dev.politely.policy.decision;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.politely.policy.profile.Profile;

/** The definitions of contract section 3: contact, coherent, platform class. */
final class Matching {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Matching() {
    }

    static PlatformClass platformClass(String platform, Profile.Platforms platforms) {
        String name = fold(platform);
        if (platforms.professional().stream().anyMatch(p -> fold(p).equals(name))) {
            return PlatformClass.PROFESSIONAL;
        }
        if (platforms.personal().stream().anyMatch(p -> fold(p).equals(name))) {
            return PlatformClass.PRIVATE;
        }
        return PlatformClass.UNKNOWN;
    }

    /** The first contact whose email, or profile URL (trailing "/" ignored), is the requester's, ignoring case. */
    static Optional<Profile.Contact> contact(List<Profile.Contact> contacts, Requester requester) {
        String email = trimmed(requester.email());
        String url = withoutTrailingSlash(requester.profileUrl());
        return contacts.stream()
                .filter(c -> email != null && email.equalsIgnoreCase(trimmed(c.email()))
                        || url != null && url.equalsIgnoreCase(withoutTrailingSlash(c.profileUrl())))
                .findFirst();
    }

    /**
     * The first keyword that occurs in one of the texts as a whole word or phrase, ignoring case
     * and accents: "RH" is found in "un poste en rh", not in "un rhume".
     */
    static Optional<String> coherentKeyword(List<String> keywords, String... texts) {
        for (String keyword : keywords) {
            String wanted = fold(keyword);
            for (String text : texts) {
                if (!wanted.isEmpty() && text != null && containsWhole(fold(text), wanted)) {
                    return Optional.of(keyword);
                }
            }
        }
        return Optional.empty();
    }

    /** Lower case, without accents, single spaces: "Carrière  RH" becomes "carriere rh". */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("")
                .replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    private static boolean containsWhole(String text, String phrase) {
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
            int end = at + phrase.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String withoutTrailingSlash(String url) {
        String trimmed = trimmed(url);
        if (trimmed == null) {
            return null;
        }
        int end = trimmed.length();
        while (end > 0 && trimmed.charAt(end - 1) == '/') {
            end--;
        }
        return trimmed.substring(0, end);
    }
}
