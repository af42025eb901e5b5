package ai.kubernaut.notification.channel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small Markdown subset notification bodies use (bold, italics, inline code, links,
 * headings, lists), rendered for Slack mrkdwn and for HTML mail.
 */
final class Markdown {

	private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

	private static final Pattern ITALIC = Pattern.compile("(?<![*\\w])\\*(?![*\\s])(.+?)(?<![*\\s])\\*(?![*\\w])");

	private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\((https?://[^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+)$");

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private static final char BOLD_MARK = '\u0001';

	private Markdown() {
	}

	/**
	 * Slack mrkdwn: {@code **b**} → {@code *b*}, {@code *i*} → {@code _i_}, links →
	 * {@code <url|text>}, headings → bold lines; {@code & < >} escaped as Slack requires.
	 */
	static String toSlack(String markdown) {
		String text = markdown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
		text = HEADING.matcher(text).replaceAll(BOLD_MARK + "$1" + BOLD_MARK);
		text = BOLD.matcher(text).replaceAll(BOLD_MARK + "$1" + BOLD_MARK);
		text = ITALIC.matcher(text).replaceAll("_$1_");
		text = LINK.matcher(text).replaceAll("<$2|$1>");
		return text.replace(BOLD_MARK, '*');
	}

	/**
	 * HTML for mail: escaped, with bold, italics, code, links and line breaks.
	 */
	static String toHtml(String markdown) {
		String text = escapeHtml(markdown);
		text = HEADING.matcher(text).replaceAll("<strong>$1</strong>");
		text = BOLD.matcher(text).replaceAll("<strong>$1</strong>");
		text = ITALIC.matcher(text).replaceAll("<em>$1</em>");
		text = CODE.matcher(text).replaceAll("<code>$1</code>");
		Matcher links = LINK.matcher(text);
		StringBuilder linked = new StringBuilder();
		while (links.find()) {
			links.appendReplacement(linked,
					Matcher.quoteReplacement("<a href=\"" + links.group(2) + "\">" + links.group(1) + "</a>"));
		}
		links.appendTail(linked);
		return linked.toString().replace("\n", "<br>\n");
	}

	static String escapeHtml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
