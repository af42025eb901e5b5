package ai.kubernaut.datastorage.catalog.registration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * Reads registration bodies with a hard size limit. The raw text matters, not just its
 * structure: the content hash, and so the workflow id, is computed over the exact
 * characters registered.
 */
class RegistrationBodyReader {

	private final DataSize limit;

	private final JsonMapper json;

	RegistrationBodyReader(DataSize limit, JsonMapper json) {
		this.limit = limit;
		this.json = json;
	}

	/**
	 * The body as text, decoded with the request's charset (UTF-8 unless stated).
	 * @throws RegistrationBodyException 413 above the limit, 400 when the bytes are not
	 * valid in the charset
	 */
	String text(HttpServletRequest request) {
		byte[] bytes;
		try (InputStream body = request.getInputStream()) {
			// One byte more than allowed tells "exactly at the limit" from "over it"
			// without reading the rest.
			bytes = body.readNBytes(Math.toIntExact(this.limit.toBytes()) + 1);
		}
		catch (IOException ex) {
			throw RegistrationBodyException.malformed("The request body could not be read: " + ex.getMessage());
		}
		if (bytes.length > this.limit.toBytes()) {
			throw RegistrationBodyException.tooLarge(this.limit);
		}
		Charset charset = charset(request.getContentType());
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw RegistrationBodyException.malformed("The request body is not valid " + charset.name() + " text.");
		}
	}

	/**
	 * The body as a JSON object.
	 * @throws RegistrationBodyException 400 when it is not one
	 */
	JsonNode jsonObject(HttpServletRequest request) {
		String text = text(request);
		JsonNode body;
		try {
			body = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null && ex.getLocation().getLineNr() > 0)
					? " at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() : "";
			throw RegistrationBodyException
				.malformed("The request body is not valid JSON" + where + ": " + ex.getOriginalMessage());
		}
		if (body == null || !body.isObject()) {
			throw RegistrationBodyException.malformed("The request body must be a JSON object.");
		}
		return body;
	}

	private static Charset charset(String contentType) {
		try {
			MediaType mediaType = (contentType != null) ? MediaType.parseMediaType(contentType) : null;
			return (mediaType != null && mediaType.getCharset() != null) ? mediaType.getCharset()
					: StandardCharsets.UTF_8;
		}
		catch (InvalidMediaTypeException ex) {
			return StandardCharsets.UTF_8;
		}
	}

}
