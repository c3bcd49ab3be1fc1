package cn.zhongchuang.tenant;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The worksheet XML of an XLSX import, read by the securely configured StAX parser: what
 * spreadsheet programs write comes out as rows of cell text, and what the import must
 * never read (a DOCTYPE, an entity of its own, malformed XML) is refused.
 */
class SheetXmlReadingTests {

	static final String SHEET = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
			+ "<!-- a comment --><x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
			+ "<x:sheetData><x:row r=\"1\" spans='1:4'><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\"> 甲 &amp; &lt;乙&gt; &#x4E19;&#20005; 😀 </x:t>"
			+ "<x:rPh sb=\"0\" eb=\"1\"><x:t>jia</x:t></x:rPh></x:is></x:c>"
			+ "<x:c r=\"B1\" s=\"3\"><x:v>46082.50</x:v></x:c><x:c r=\"C1\" t=\"str\"><x:f>A1&amp;\"x\"</x:f><x:v><![CDATA[a<b]]>c</x:v></x:c>"
			+ "<x:c r=\"D1\" t=\"b\"><x:v>0</x:v></x:c></x:row>\n<?pi data?><x:row r=\"3\"><x:c r=\"AA3\" t=\"s\"><x:v>0</x:v></x:c></x:row>"
			+ "<x:row r=\"7\"><x:c t=\"inlineStr\"><x:is><x:t>a\r\nb</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row>"
			+ "</x:sheetData></x:worksheet>";

	static final List<String> ROWS = List.of("1:[ 甲 & <乙> 丙严 😀 , 46082.5, a<bc, FALSE]", "7:[a\nb, 1, null, null]");

	@Test
	void readsTheCellsSpreadsheetProgramsWrite() throws Exception {
		assertThat(rows(SHEET.getBytes(StandardCharsets.UTF_8))).isEqualTo(ROWS);
	}

	@Test
	void aByteOrderMarkIsSkipped() throws Exception {
		byte[] body = SHEET.getBytes(StandardCharsets.UTF_8);
		byte[] xml = new byte[body.length + 3];
		xml[0] = (byte) 0xEF;
		xml[1] = (byte) 0xBB;
		xml[2] = (byte) 0xBF;
		System.arraycopy(body, 0, xml, 3, body.length);
		assertThat(rows(xml)).isEqualTo(ROWS);
	}

	@Test
	void aPartInAnotherEncodingIsReadInIt() throws Exception {
		String xml = "<?xml version=\"1.0\" encoding=\"GB18030\"?><w><sheetData><row r=\"2\"><c r=\"A1\" t=\"inlineStr\">"
				+ "<is><t>中文</t></is></c></row></sheetData></w>";
		assertThat(rows(xml.getBytes(Charset.forName("GB18030")))).containsExactly("2:[中文, null, null, null]");
	}

	@Test
	void aDocumentTypeOrAnUndeclaredEntityIsRefused() {
		String doctype = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
				+ "<w><row r=\"1\"><c t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></w>";
		assertThatThrownBy(() -> rows(doctype.getBytes(StandardCharsets.UTF_8))).isInstanceOf(XMLStreamException.class)
			.hasMessageContaining("DOCTYPE");
		String entity = "<w><row r=\"1\"><c t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></w>";
		assertThatThrownBy(() -> rows(entity.getBytes(StandardCharsets.UTF_8))).isInstanceOf(XMLStreamException.class)
			.hasMessageContaining("entity");
	}

	@Test
	void theParserIsConfiguredWithoutDtdOrExternalEntities() {
		XMLInputFactory factory = FilingImportSource.Xlsx.SHEET_XML;
		assertThat(factory.getProperty(XMLInputFactory.SUPPORT_DTD)).isEqualTo(false);
		assertThat(factory.getProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES)).isEqualTo(false);
		assertThat(factory.getProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES)).isEqualTo(false);
	}

	@Test
	void malformedXmlIsRefused() {
		for (String bad : List.of("<w><a></b></w>", "<w><a></w>", "<w a=1/>", "<w>", "", "<w/><w/>", "<w a=\"1></w>")) {
			assertThatThrownBy(() -> rows(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
				.isInstanceOf(XMLStreamException.class);
		}
		byte[] notUtf8 = "<w>\u00E9</w>".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> rows(notUtf8)).isInstanceOf(XMLStreamException.class);
	}

	private static List<String> rows(byte[] xml) throws Exception {
		List<String> rows = new ArrayList<>();
		FilingImportSource.CountingInputStream in = new FilingImportSource.CountingInputStream(
				new ByteArrayInputStream(xml));
		FilingImportSource.Xlsx.Sheet sheet = new FilingImportSource.Xlsx.Sheet(
				(line, cells, progress) -> rows.add(line + ":" + Arrays.toString(cells)), in, xml.length, null, null,
				false);
		XMLStreamReader reader = FilingImportSource.Xlsx.SHEET_XML.createXMLStreamReader(in);
		try {
			sheet.read(reader);
		}
		finally {
			reader.close();
		}
		return rows;
	}

}
