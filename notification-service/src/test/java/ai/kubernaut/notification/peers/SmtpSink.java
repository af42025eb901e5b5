package ai.kubernaut.notification.peers;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server on loopback, small enough to read: it speaks the commands an SMTP
 * client sends (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), accepts every message and
 * keeps it for the test, parsed as a {@link MimeMessage}.
 * <p>
 * GreenMail would do the same, but it is not in the offline Maven repository this build
 * runs against, and its version would have to be pinned in this module's POM, which
 * declares none.
 */
public final class SmtpSink {

	private final ServerSocket socket;

	private final List<MimeMessage> messages = new CopyOnWriteArrayList<>();

	SmtpSink() {
		try {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread.ofVirtual().name("smtp-sink").start(this::accept);
	}

	public int port() {
		return this.socket.getLocalPort();
	}

	public List<MimeMessage> messages() {
		return List.copyOf(this.messages);
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				Socket client = this.socket.accept();
				Thread.ofVirtual().start(() -> converse(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void converse(Socket client) {
		try (client;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
				OutputStream out = client.getOutputStream()) {
			reply(out, "220 localhost SMTP sink");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase(java.util.Locale.ROOT);
				if (command.startsWith("EHLO")) {
					reply(out, "250-localhost\r\n250 8BITMIME");
				}
				else if (command.startsWith("DATA")) {
					reply(out, "354 End data with <CR><LF>.<CR><LF>");
					StringBuilder data = new StringBuilder();
					String dataLine;
					while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
						// Undo dot-stuffing.
						data.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append("\r\n");
					}
					this.messages.add(new MimeMessage(Session.getInstance(new Properties()),
							new ByteArrayInputStream(data.toString().getBytes(StandardCharsets.ISO_8859_1))));
					reply(out, "250 OK queued");
				}
				else if (command.startsWith("QUIT")) {
					reply(out, "221 Bye");
					return;
				}
				else {
					// HELO, MAIL FROM, RCPT TO, RSET, NOOP: all fine.
					reply(out, "250 OK");
				}
			}
		}
		catch (IOException | MessagingException ex) {
			// The client went away; nothing to keep.
		}
	}

	private static void reply(OutputStream out, String text) throws IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

}
