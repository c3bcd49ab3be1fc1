package cn.zhongchuang.tenant;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.util.XMLHelper;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The worksheet scanner gives the same events as the JDK's SAX parser (as POI configures
 * it) on what spreadsheet programs write, and refuses what the import must never read.
 */
class SheetXmlScannerTests {

	static final String SHEET = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
			+ "<!-- a comment --><x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
			+ "<x:sheetData><x:row r=\"1\" spans='1:4'><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\"> 甲 &amp; &lt;乙&gt; &#x4E19;&#20005; 😀 </x:t>"
			+ "<x:rPh sb=\"0\" eb=\"1\"><x:t>jia</x:t></x:rPh></x:is></x:c>"
			+ "<x:c r=\"B1\" s=\"3\"><x:v>46082</x:v></x:c><x:c r=\"C1\" t=\"str\"><x:f>A1&amp;\"x\"</x:f><x:v><![CDATA[a<b]]>c</x:v></x:c>"
			+ "<x:c r=\"D1\" t=\"b\"/></x:row>\n<?pi data?><x:row r=\"3\"><x:c r=\"AA3\" t=\"s\"><x:v>0</x:v></x:c></x:row>"
			+ "</x:sheetData></x:worksheet>";

	@Test
	void givesTheSameEventsAsTheJdkParser() throws Exception {
		byte[] xml = SHEET.getBytes(StandardCharsets.UTF_8);
		assertThat(scanned(xml)).isEqualTo(parsed(xml))
			.contains("chars: 甲 & <乙> 丙严 😀 ", "start c r=B1 s=3", "start row r=1 spans=1:4", "chars:a<bc");
	}

	@Test
	void aByteOrderMarkIsSkipped() throws Exception {
		byte[] body = SHEET.getBytes(StandardCharsets.UTF_8);
		byte[] xml = new byte[body.length + 3];
		xml[0] = (byte) 0xEF;
		xml[1] = (byte) 0xBB;
		xml[2] = (byte) 0xBF;
		System.arraycopy(body, 0, xml, 3, body.length);
		assertThat(scanned(xml)).isEqualTo(parsed(body));
	}

	@Test
	void aDocumentTypeOrAnUndeclaredEntityIsRefused() {
		String doctype = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><w>&xxe;</w>";
		assertThatThrownBy(() -> scanned(doctype.getBytes(StandardCharsets.UTF_8))).isInstanceOf(SAXException.class)
			.hasMessageContaining("DOCTYPE");
		assertThatThrownBy(() -> scanned("<w>&xxe;</w>".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(SAXException.class)
			.hasMessageContaining("entity");
	}

	@Test
	void malformedXmlIsRefused() {
		for (String bad : List.of("<w><a></b></w>", "<w><a></w>", "<w a=1/>", "<w>", "", "<w/><w/>", "<w a=\"1></w>")) {
			assertThatThrownBy(() -> scanned(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
				.isInstanceOf(SAXException.class);
		}
		byte[] notUtf8 = "<w>\u00E9</w>".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> scanned(notUtf8)).isInstanceOf(SAXException.class).hasMessageContaining("UTF-8");
	}

	@Test
	void aPartInAnotherEncodingIsHandedBackWhole() throws Exception {
		String xml = "<?xml version=\"1.0\" encoding=\"GB18030\"?><w><c r=\"A1\"><v>中文</v></c></w>";
		byte[] bytes = xml.getBytes(Charset.forName("GB18030"));
		Recorder recorder = new Recorder();
		SheetXmlScanner.OtherEncoding other = null;
		try {
			SheetXmlScanner.parse(new ByteArrayInputStream(bytes), recorder);
		}
		catch (SheetXmlScanner.OtherEncoding ex) {
			other = ex;
		}
		assertThat(other).isNotNull();
		assertThat(parsed(other.stream())).isEqualTo(parsed(new ByteArrayInputStream(bytes))).contains("chars:中文");
	}

	private static List<String> scanned(byte[] xml) throws Exception {
		Recorder recorder = new Recorder();
		SheetXmlScanner.parse(new ByteArrayInputStream(xml), recorder);
		return recorder.events();
	}

	private static List<String> parsed(byte[] xml) throws Exception {
		return parsed(new ByteArrayInputStream(xml));
	}

	private static List<String> parsed(InputStream xml) throws Exception {
		Recorder recorder = new Recorder();
		XMLReader reader = XMLHelper.newXMLReader();
		reader.setContentHandler(recorder);
		reader.parse(new InputSource(xml));
		return recorder.events();
	}

	/** Element names (local), attributes and text, adjacent text joined. */
	static final class Recorder extends DefaultHandler {

		private final List<String> events = new ArrayList<>();

		private final StringBuilder text = new StringBuilder();

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			flush();
			StringBuilder e = new StringBuilder("start ").append(localName);
			for (int i = 0; i < attributes.getLength(); i++) {
				String name = attributes.getQName(i);
				if (!name.startsWith("xmlns")) {
					e.append(' ').append(name).append('=').append(attributes.getValue(i));
					assertThat(attributes.getValue(name)).isEqualTo(attributes.getValue(i));
				}
			}
			this.events.add(e.toString());
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			flush();
			this.events.add("end " + localName);
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			this.text.append(ch, start, length);
		}

		private void flush() {
			if (!this.text.isEmpty()) {
				this.events.add("chars:" + this.text);
				this.text.setLength(0);
			}
		}

		List<String> events() {
			flush();
			return this.events;
		}

	}

}
