package cn.zhongchuang.tenant;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * A small XML scanner for a worksheet part, feeding a SAX {@link ContentHandler}: the
 * JDK's SAX parser was three quarters of the XLSX import's CPU (JFR, 100,000 rows), and a
 * worksheet needs little of XML. UTF-8 only (what Excel, WPS and LibreOffice write; a
 * part declaring another encoding is handed back, see {@link OtherEncoding}). Elements,
 * attributes, text, CDATA, comments and processing instructions; the five predefined
 * entities and character references. Anything with a document type declaration
 * ({@code <!DOCTYPE}, hence no entity of its own, no external entity) and any other
 * entity reference is refused, so nothing outside the part is ever read. Tags must nest;
 * bytes that are not UTF-8 are refused.
 */
final class SheetXmlScanner {

	/**
	 * The part declares an encoding other than UTF-8: parse {@link #stream()} (the whole
	 * part, nothing lost) with a full XML parser instead.
	 */
	static final class OtherEncoding extends Exception {

		private final transient InputStream stream;

		OtherEncoding(InputStream stream) {
			super(null, null, false, false);
			this.stream = stream;
		}

		InputStream stream() {
			return this.stream;
		}

	}

	private final InputStream in;

	private final ContentHandler handler;

	private final byte[] buffer = new byte[64 * 1024];

	private int position;

	private int limit;

	private long consumed;

	private char[] text = new char[256];

	private int textLength;

	private final Attrs attributes = new Attrs();

	private String[] open = new String[16];

	private int depth;

	private boolean rootSeen;

	private final Names names = new Names();

	private byte[] name = new byte[64];

	private SheetXmlScanner(InputStream in, ContentHandler handler) {
		this.in = in;
		this.handler = handler;
	}

	/** Parses the part; the handler gets SAX events (no namespace URIs). */
	static void parse(InputStream in, ContentHandler handler) throws IOException, SAXException, OtherEncoding {
		new SheetXmlScanner(in, handler).parse();
	}

	private void parse() throws IOException, SAXException, OtherEncoding {
		int b = read();
		if (b == 0xEF) {
			if (read() != 0xBB || read() != 0xBF) {
				throw new SAXException("not UTF-8");
			}
			b = read();
		}
		else if (b == 0xFE || b == 0xFF || b == 0) {
			throw otherEncoding();
		}
		boolean first = true;
		this.handler.startDocument();
		while (b >= 0) {
			if (b == '<') {
				flushText();
				markup(first);
			}
			else if (b == '&') {
				reference();
			}
			else if (b == '\r') {
				// line ends as XML reads them: CR LF and a lone CR are LF
				append('\n');
				if (read() != '\n' && this.limit > 0) {
					this.position--;
				}
			}
			else {
				character(b);
			}
			first = false;
			b = read();
		}
		flushText();
		if (this.depth != 0 || !this.rootSeen) {
			throw new SAXException("XML document structures must start and end within the same entity");
		}
		this.handler.endDocument();
	}

	private void markup(boolean first) throws IOException, SAXException, OtherEncoding {
		int b = next();
		if (b == '?') {
			instruction(first);
		}
		else if (b == '!') {
			b = next();
			if (b == '-') {
				expect('-');
				comment();
			}
			else if (b == '[') {
				for (char ch : "CDATA[".toCharArray()) {
					expect(ch);
				}
				cdata();
			}
			else {
				throw new SAXException("DOCTYPE is disallowed: a worksheet declares no document type or entities");
			}
		}
		else if (b == '/') {
			int length = name(next());
			b = skipSpace(next());
			if (b != '>') {
				throw new SAXException("malformed end tag");
			}
			String qName = this.names.get(this.name, length);
			if (this.depth == 0 || !this.open[this.depth - 1].equals(qName)) {
				throw new SAXException("end tag " + qName + " does not match its start tag");
			}
			this.depth--;
			this.handler.endElement("", localOf(qName), qName);
		}
		else {
			startTag(b);
		}
	}

	private void startTag(int firstByte) throws IOException, SAXException {
		if (this.depth == 0 && this.rootSeen) {
			throw new SAXException("content after the root element");
		}
		int length = name(firstByte);
		String qName = this.names.get(this.name, length);
		this.attributes.clear();
		int b = next();
		boolean empty = false;
		while (true) {
			b = skipSpace(b);
			if (b == '>') {
				break;
			}
			if (b == '/') {
				expect('>');
				empty = true;
				break;
			}
			int n = name(b);
			String attribute = this.names.get(this.name, n);
			b = skipSpace(next());
			if (b != '=') {
				throw new SAXException("attribute " + attribute + " without a value");
			}
			int quote = skipSpace(next());
			if (quote != '"' && quote != '\'') {
				throw new SAXException("attribute value not quoted");
			}
			this.attributes.add(attribute, value(quote));
			b = next();
		}
		this.rootSeen = true;
		String local = localOf(qName);
		this.handler.startElement("", local, qName, this.attributes);
		if (empty) {
			this.handler.endElement("", local, qName);
		}
		else {
			if (this.depth == this.open.length) {
				this.open = Arrays.copyOf(this.open, this.depth * 2);
			}
			this.open[this.depth++] = qName;
		}
	}

	/** Reads a name starting with {@code b} into {@link #name}; returns its length. */
	private int name(int b) throws IOException, SAXException {
		int length = 0;
		while (b > ' ' && b != '>' && b != '/' && b != '=' && b != '<' && b != '"' && b != '\'') {
			if (length == this.name.length) {
				this.name = Arrays.copyOf(this.name, length * 2);
			}
			this.name[length++] = (byte) b;
			b = read();
			if (b < 0) {
				throw new SAXException("unexpected end of the document in a name");
			}
		}
		if (length == 0) {
			throw new SAXException("a name was expected");
		}
		this.position--; // the byte after the name is read again
		return length;
	}

	/** An attribute value up to the closing quote, references resolved. */
	private String value(int quote) throws IOException, SAXException {
		int start = this.textLength;
		int b;
		while ((b = next()) != quote) {
			if (b == '<') {
				throw new SAXException("'<' in an attribute value");
			}
			if (b == '&') {
				reference();
			}
			else if (b == '\t' || b == '\n' || b == '\r') {
				append(' ');
			}
			else {
				character(b);
			}
		}
		String value = new String(this.text, start, this.textLength - start);
		this.textLength = start;
		return value;
	}

	private void instruction(boolean first) throws IOException, SAXException, OtherEncoding {
		int start = this.textLength;
		int previous = 0;
		int b;
		while (!((b = next()) == '>' && previous == '?')) {
			if (first) {
				append((char) b);
			}
			previous = b;
		}
		if (first) {
			String declaration = new String(this.text, start, this.textLength - start);
			this.textLength = start;
			if (declaration.startsWith("xml")) {
				int at = declaration.indexOf("encoding");
				if (at >= 0) {
					String rest = declaration.substring(at + "encoding".length()).replace(" ", "").replace("=", "");
					String encoding = rest.length() > 1
							? rest.substring(1, Math.max(1, rest.indexOf(rest.charAt(0), 1))) : "";
					if (!"utf-8".equalsIgnoreCase(encoding) && !"utf8".equalsIgnoreCase(encoding)) {
						throw otherEncoding();
					}
				}
			}
		}
	}

	private void comment() throws IOException, SAXException {
		int a = 0;
		int b = 0;
		int c;
		while (!((c = next()) == '>' && a == '-' && b == '-')) {
			a = b;
			b = c;
		}
	}

	private void cdata() throws IOException, SAXException {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		int a = 0;
		int b = 0;
		int c;
		while (!((c = next()) == '>' && a == ']' && b == ']')) {
			if (a != 0) {
				bytes.write(a);
			}
			a = b;
			b = c;
		}
		String text = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
		for (int i = 0; i < text.length(); i++) {
			append(text.charAt(i));
		}
	}

	/** After {@code &}: a predefined entity or a character reference, into the text. */
	private void reference() throws IOException, SAXException {
		StringBuilder ref = new StringBuilder(8);
		int b;
		while ((b = next()) != ';') {
			if (ref.length() > 10 || b == '<' || b == '&') {
				throw new SAXException("malformed entity reference");
			}
			ref.append((char) b);
		}
		String r = ref.toString();
		switch (r) {
			case "lt" -> append('<');
			case "gt" -> append('>');
			case "amp" -> append('&');
			case "quot" -> append('"');
			case "apos" -> append('\'');
			default -> {
				if (r.startsWith("#")) {
					int code;
					try {
						code = r.startsWith("#x") ? Integer.parseInt(r.substring(2), 16)
								: Integer.parseInt(r.substring(1));
					}
					catch (NumberFormatException ex) {
						throw new SAXException("malformed character reference &" + r + ";");
					}
					if (!Character.isValidCodePoint(code) || code == 0) {
						throw new SAXException("invalid character reference &" + r + ";");
					}
					if (code < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
						append((char) code);
					}
					else {
						append(Character.highSurrogate(code));
						append(Character.lowSurrogate(code));
					}
				}
				else {
					throw new SAXException("The entity \"" + r + "\" was referenced, but not declared");
				}
			}
		}
	}

	/** One character from its UTF-8 bytes, the first already read. */
	private void character(int b) throws IOException, SAXException {
		if (b < 0x80) {
			append((char) b);
			return;
		}
		int code;
		int more;
		if ((b & 0xE0) == 0xC0) {
			code = b & 0x1F;
			more = 1;
		}
		else if ((b & 0xF0) == 0xE0) {
			code = b & 0x0F;
			more = 2;
		}
		else if ((b & 0xF8) == 0xF0) {
			code = b & 0x07;
			more = 3;
		}
		else {
			throw new SAXException("Invalid byte 1 of a UTF-8 sequence");
		}
		for (int i = 0; i < more; i++) {
			int c = next();
			if ((c & 0xC0) != 0x80) {
				throw new SAXException("Invalid byte " + (i + 2) + " of a UTF-8 sequence");
			}
			code = (code << 6) | (c & 0x3F);
		}
		if (code < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
			append((char) code);
		}
		else if (code <= Character.MAX_CODE_POINT) {
			append(Character.highSurrogate(code));
			append(Character.lowSurrogate(code));
		}
		else {
			throw new SAXException("Invalid UTF-8 sequence");
		}
	}

	private void append(char ch) {
		if (this.textLength == this.text.length) {
			this.text = Arrays.copyOf(this.text, this.textLength * 2);
		}
		this.text[this.textLength++] = ch;
	}

	private void flushText() throws SAXException {
		if (this.textLength > 0 && this.depth > 0) {
			this.handler.characters(this.text, 0, this.textLength);
		}
		// outside the root element only white space may stand, and SAX reports none
		this.textLength = 0;
	}

	private void expect(char expected) throws IOException, SAXException {
		if (next() != expected) {
			throw new SAXException("malformed markup: '" + expected + "' expected");
		}
	}

	private int skipSpace(int b) throws IOException, SAXException {
		while (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
			b = next();
		}
		return b;
	}

	/** The next byte; the document must not end here. */
	private int next() throws IOException, SAXException {
		int b = read();
		if (b < 0) {
			throw new SAXException("XML document structures must start and end within the same entity");
		}
		return b;
	}

	private int read() throws IOException {
		if (this.position == this.limit) {
			this.consumed += this.limit;
			int n = this.in.readNBytes(this.buffer, 0, this.buffer.length);
			this.position = 0;
			this.limit = Math.max(0, n);
			if (this.limit == 0) {
				return -1;
			}
		}
		return this.buffer[this.position++] & 0xFF;
	}

	/** The part from its first byte: what the first buffer holds, then the rest. */
	private OtherEncoding otherEncoding() {
		if (this.consumed != 0) {
			throw new IllegalStateException("encoding declared past the first buffer");
		}
		return new OtherEncoding(
				new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOf(this.buffer, this.limit)), this.in));
	}

	private final java.util.Map<String, String> locals = new java.util.IdentityHashMap<>();

	/** The local part of a (cached) name, made once. */
	private String localOf(String qName) {
		if (qName.indexOf(':') < 0) {
			return qName;
		}
		String local = this.locals.get(qName);
		if (local == null) {
			local = local(qName);
			if (this.locals.size() < 256) {
				this.locals.put(qName, local);
			}
		}
		return local;
	}

	private static String local(String qName) {
		int colon = qName.indexOf(':');
		return (colon >= 0) ? qName.substring(colon + 1) : qName;
	}

	/** Element and attribute names, each made into a String once. */
	private static final class Names {

		private byte[][] keys = new byte[64][];

		private String[] values = new String[64];

		private int size;

		String get(byte[] bytes, int length) {
			int h = 1;
			for (int i = 0; i < length; i++) {
				h = 31 * h + bytes[i];
			}
			int mask = this.keys.length - 1;
			int slot = h & mask;
			while (this.keys[slot] != null) {
				byte[] key = this.keys[slot];
				if (key.length == length && Arrays.equals(key, 0, length, bytes, 0, length)) {
					return this.values[slot];
				}
				slot = (slot + 1) & mask;
			}
			String value = new String(bytes, 0, length, StandardCharsets.UTF_8);
			if (this.size * 2 >= this.keys.length) {
				return value; // a sheet has a few dozen names; past that, no caching
			}
			this.keys[slot] = Arrays.copyOf(bytes, length);
			this.values[slot] = value;
			this.size++;
			return value;
		}

	}

	/** The attributes of the current start tag (by qualified or local name). */
	private static final class Attrs implements Attributes {

		private String[] keys = new String[8];

		private String[] values = new String[8];

		private int size;

		void clear() {
			this.size = 0;
		}

		void add(String key, String value) {
			if (this.size == this.keys.length) {
				this.keys = Arrays.copyOf(this.keys, this.size * 2);
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.keys[this.size] = key;
			this.values[this.size++] = value;
		}

		@Override
		public int getLength() {
			return this.size;
		}

		@Override
		public String getURI(int index) {
			return "";
		}

		@Override
		public String getLocalName(int index) {
			return (index < this.size) ? local(this.keys[index]) : null;
		}

		@Override
		public String getQName(int index) {
			return (index < this.size) ? this.keys[index] : null;
		}

		@Override
		public String getType(int index) {
			return (index < this.size) ? "CDATA" : null;
		}

		@Override
		public String getValue(int index) {
			return (index < this.size) ? this.values[index] : null;
		}

		@Override
		public int getIndex(String uri, String localName) {
			for (int i = 0; i < this.size; i++) {
				if (local(this.keys[i]).equals(localName)) {
					return i;
				}
			}
			return -1;
		}

		@Override
		public int getIndex(String qName) {
			for (int i = 0; i < this.size; i++) {
				if (this.keys[i].equals(qName)) {
					return i;
				}
			}
			return -1;
		}

		@Override
		public String getType(String uri, String localName) {
			return (getIndex(uri, localName) >= 0) ? "CDATA" : null;
		}

		@Override
		public String getType(String qName) {
			return (getIndex(qName) >= 0) ? "CDATA" : null;
		}

		@Override
		public String getValue(String uri, String localName) {
			int i = getIndex(uri, localName);
			return (i >= 0) ? this.values[i] : null;
		}

		@Override
		public String getValue(String qName) {
			int i = getIndex(qName);
			return (i >= 0) ? this.values[i] : null;
		}

	}

}
