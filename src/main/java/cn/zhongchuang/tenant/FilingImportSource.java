package cn.zhongchuang.tenant;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The rows of an uploaded tax-filing file, streamed: CSV line by line (UTF-8 with or
 * without BOM, or GB18030 when the bytes are not valid UTF-8), XLSX through POI's package
 * API and the Aalto StAX parser (the first sheet; never a whole workbook in memory). The
 * first line is a header when its first cell names the column. Blank lines are skipped.
 */
abstract sealed class FilingImportSource permits FilingImportSource.Csv, FilingImportSource.Xlsx {

	/** Uncompressed entries may be at most 50 times their compressed size. */
	static final double MIN_INFLATE_RATIO = 0.02;

	/** No entry of an import workbook may inflate beyond 256 MB (POI's default: 4 GB). */
	static final long MAX_ENTRY_SIZE = 256L * 1024 * 1024;

	static {
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
	}

	/**
	 * Receives each non-blank row: its line in the file, its cells, and how far the file
	 * is read (0–1).
	 */
	interface RowHandler {

		void row(int line, String[] cells, double progress);

	}

	/**
	 * The file cannot be read at all (not a workbook, a zip bomb, a DOCTYPE): no row is
	 * looked at.
	 */
	static final class UnreadableFileException extends RuntimeException {

		UnreadableFileException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	final Path file;

	FilingImportSource(Path file) {
		this.file = file;
	}

	static FilingImportSource open(Path file, String format, ImportTempFiles tempFiles) {
		return "XLSX".equals(format) ? new Xlsx(file, tempFiles) : new Csv(file);
	}

	/** The first eight bytes of an OLE2 compound file (.xls, or an encrypted .xlsx). */
	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	/**
	 * Refuses by their magic bytes what would otherwise be read as CSV and end as a
	 * system error: an Excel 97–2003 workbook (.xls) and a password-protected workbook
	 * (an OLE2 container with an {@code EncryptionInfo} stream), whatever their name.
	 * @throws UnreadableFileException with the reason in Chinese
	 */
	static void refuseUnsupported(Path file) {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!java.util.Arrays.equals(head, OLE2)) {
			return;
		}
		boolean encrypted;
		try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(
				file.toFile(), true)) {
			encrypted = fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo");
		}
		catch (IOException | RuntimeException ex) {
			encrypted = false;
		}
		throw new UnreadableFileException(encrypted ? "工作簿设有打开密码（已加密），无法读取；请取消密码后另存为 .xlsx 再导入"
				: "这是 Excel 97-2003 格式（.xls）的工作簿，不支持；请在 Excel 中另存为 .xlsx 或 CSV（逗号分隔）后再导入", null);
	}

	/** XLSX when the file is a zip (PK), CSV otherwise. */
	static String detectFormat(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(4);
			return (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) ? "XLSX"
					: "CSV";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	abstract void read(RowHandler handler) throws IOException;

	static boolean isHeader(String[] cells) {
		String first = (cells.length > 0 && cells[0] != null) ? cells[0].toLowerCase(Locale.ROOT) : "";
		return first.contains("代码") || first.contains("credit");
	}

	static final class Csv extends FilingImportSource {

		Csv(Path file) {
			super(file);
		}

		@Override
		void read(RowHandler handler) throws IOException {
			long size = Math.max(1, Files.size(this.file));
			Charset charset = charset(this.file);
			try (CountingInputStream counting = new CountingInputStream(Files.newInputStream(this.file));
					BufferedReader reader = new BufferedReader(new InputStreamReader(counting, charset), 64 * 1024)) {
				String text;
				int line = 0;
				boolean first = true;
				while ((text = reader.readLine()) != null) {
					line++;
					if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
						text = text.substring(1);
					}
					if (text.isBlank()) {
						continue;
					}
					String[] cells = split(text);
					if (first) {
						first = false;
						if (isHeader(cells)) {
							continue;
						}
					}
					handler.row(line, cells, Math.min(1.0, counting.count / (double) size));
				}
			}
		}

		/**
		 * UTF-8 when every byte sequence decodes strictly; GB18030 (Excel's Chinese CSV)
		 * otherwise.
		 */
		static Charset charset(Path file) throws IOException {
			CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			ByteBuffer in = ByteBuffer.allocate(64 * 1024);
			CharBuffer out = CharBuffer.allocate(64 * 1024);
			try (InputStream stream = Files.newInputStream(file)) {
				byte[] buffer = new byte[64 * 1024];
				int n;
				while ((n = stream.read(buffer, 0, in.remaining())) > 0) {
					in.put(buffer, 0, n);
					in.flip();
					out.clear();
					if (decoder.decode(in, out, false).isError()) {
						return Charset.forName("GB18030");
					}
					in.compact();
				}
				in.flip();
				out.clear();
				if (decoder.decode(in, out, true).isError() || decoder.flush(out).isError()) {
					return Charset.forName("GB18030");
				}
				return StandardCharsets.UTF_8;
			}
		}

		/**
		 * One CSV line (RFC 4180 quoting within the line; fields spanning lines are not
		 * supported).
		 */
		static String[] split(String line) {
			if (line.indexOf('"') < 0) {
				return line.split(",", -1);
			}
			List<String> cells = new ArrayList<>(4);
			StringBuilder cell = new StringBuilder();
			boolean quoted = false;
			for (int i = 0; i < line.length(); i++) {
				char ch = line.charAt(i);
				if (quoted) {
					if (ch == '"') {
						if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
							cell.append('"');
							i++;
						}
						else {
							quoted = false;
						}
					}
					else {
						cell.append(ch);
					}
				}
				else if (ch == '"') {
					quoted = true;
				}
				else if (ch == ',') {
					cells.add(cell.toString());
					cell.setLength(0);
				}
				else {
					cell.append(ch);
				}
			}
			cells.add(cell.toString());
			return cells.toArray(String[]::new);
		}

	}

	static final class Xlsx extends FilingImportSource {

		private final ImportTempFiles tempFiles;

		Xlsx(Path file, ImportTempFiles tempFiles) {
			super(file);
			this.tempFiles = tempFiles;
		}

		@Override
		void read(RowHandler handler) throws IOException {
			OPCPackage pkg;
			try {
				pkg = OPCPackage.open(this.file.toFile(), PackageAccess.READ);
			}
			catch (InvalidFormatException | NotOfficeXmlFileException | IllegalStateException ex) {
				throw new UnreadableFileException("文件不是有效的 Excel 工作簿（.xlsx）", ex);
			}
			try (pkg) {
				XSSFReader reader = new XSSFReader(pkg);
				StylesTable styles = reader.getStylesTable();
				XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
				if (!sheets.hasNext()) {
					throw new UnreadableFileException("工作簿中没有工作表", null);
				}
				boolean date1904 = date1904(reader);
				// shared strings on disk, not on the heap
				try (DiskSharedStrings strings = DiskSharedStrings.of(pkg, this.tempFiles);
						InputStream sheet = sheets.next()) {
					long size = Math.max(1, sheets.getSheetPart().getSize());
					CountingInputStream counting = new CountingInputStream(sheet);
					Sheet rows = new Sheet(handler, counting, size, strings, styles, date1904);
					XMLStreamReader xml = SHEET_XML.createXMLStreamReader(counting);
					try {
						rows.read(xml);
					}
					finally {
						xml.close();
					}
				}
			}
			catch (OpenXML4JException | SAXException | ParserConfigurationException | XMLStreamException ex) {
				throw new UnreadableFileException(reason(ex), ex);
			}
			catch (IOException ex) {
				if (ex.getMessage() != null && ex.getMessage().contains("Zip bomb")) {
					throw new UnreadableFileException("文件解压后异常膨胀（疑似压缩炸弹），已拒绝", ex);
				}
				throw ex;
			}
			catch (org.apache.poi.ooxml.POIXMLException | org.apache.poi.util.RecordFormatException ex) {
				throw new UnreadableFileException(reason(ex), ex);
			}
		}

		/**
		 * The worksheet's parser (Aalto, thread-safe once configured): no DTD, no
		 * external entity, no entity reference replaced beyond the five predefined ones
		 * and character references (any other is an event {@link Sheet#read} refuses, as
		 * it refuses a DOCTYPE); text not coalesced (the sheet joins a cell's pieces).
		 */
		static final XMLInputFactory SHEET_XML = sheetXmlFactory();

		static XMLInputFactory sheetXmlFactory() {
			XMLInputFactory factory = new com.fasterxml.aalto.stax.InputFactoryImpl();
			factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
			factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
			factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
			factory.setProperty(XMLInputFactory.IS_COALESCING, false);
			factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
			factory.setXMLResolver((publicId, systemId, base, namespace) -> {
				throw new XMLStreamException("external entity refused: " + systemId);
			});
			return factory;
		}

		private static String reason(Exception ex) {
			String text = String.valueOf(ex.getMessage());
			for (Throwable t = ex; t != null; t = t.getCause()) {
				text = text + " " + t.getMessage();
			}
			if (text.contains("Zip bomb") || text.contains("zip bomb")) {
				return "文件解压后异常膨胀（疑似压缩炸弹），已拒绝";
			}
			if (text.contains("DOCTYPE") || text.toLowerCase(Locale.ROOT).contains("entity")) {
				return "工作表含有 DOCTYPE 或外部实体声明，已拒绝";
			}
			return "无法读取 Excel 工作簿：文件已损坏或不是 .xlsx 格式";
		}

		/**
		 * Numbers in the General format as plain decimals rounded to Excel's 15
		 * significant digits (1234.5, not 1.2345E3); POI's exact Excel rendering is ten
		 * times slower. Other formats (dates, percentages) as Excel shows them.
		 */
		static final class PlainNumbers extends DataFormatter {

			@Override
			public String formatRawCellContents(double value, int formatIndex, String formatString) {
				return formatRawCellContents(value, formatIndex, formatString, false);
			}

			@Override
			public String formatRawCellContents(double value, int formatIndex, String formatString,
					boolean use1904Windowing) {
				if (formatIndex == 0 || "General".equalsIgnoreCase(formatString)) {
					return plain(value);
				}
				return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
			}

			static String plain(double value) {
				if (Double.isNaN(value) || Double.isInfinite(value)) {
					return String.valueOf(value);
				}
				return java.math.BigDecimal.valueOf(value)
					.round(new java.math.MathContext(15))
					.stripTrailingZeros()
					.toPlainString();
			}

		}

		/**
		 * Whether the workbook counts its dates from 1904 (old Mac Excel) instead of
		 * 1900.
		 */
		private static boolean date1904(XSSFReader reader)
				throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
			boolean[] found = new boolean[1];
			try (InputStream in = reader.getWorkbookData()) {
				XMLReader xml = XMLHelper.newXMLReader();
				xml.setContentHandler(new DefaultHandler() {
					@Override
					public void startElement(String uri, String localName, String qName, Attributes attributes) {
						if ("workbookPr".equals(local(localName, qName))) {
							String value = attributes.getValue("date1904");
							found[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
						}
					}
				});
				xml.parse(new InputSource(in));
			}
			return found[0];
		}

		/**
		 * The zero-based column of a reference such as {@code C17} or {@code AB3}, parsed
		 * by hand (no regular expression per cell); -1 when it has no column letters.
		 */
		static int column(String reference) {
			int column = 0;
			int i = 0;
			while (i < reference.length()) {
				char ch = reference.charAt(i);
				if (ch < 'A' || ch > 'Z') {
					break;
				}
				column = column * 26 + (ch - 'A' + 1);
				if (column > 16_384) {
					return 16_384;
				}
				i++;
			}
			return column - 1;
		}

		/**
		 * The first sheet's XML, read by StAX: the cells of columns A–D of each row as
		 * text, and each non-blank row handed on. Written for this import instead of
		 * POI's {@code XSSFSheetXMLHandler}, which builds an XMLBeans rich-text object
		 * for every string cell (most of the reading time, measured). A cell's text is
		 * what Excel shows where it matters here: shared and inline strings without
		 * phonetic runs, formula results, booleans as TRUE/FALSE, numbers in the General
		 * format as plain decimals ({@link PlainNumbers}), numbers in a date format (a
		 * date typed into the cell: 2026/3/1, 2026年3月, including the Chinese built-in
		 * formats that carry no format code) as the date, 2026年3月1日, and other formats
		 * through POI's {@link DataFormatter}.
		 */
		static final class Sheet {

			/** Built-in date formats of the Chinese (zh-CN) locale, ECMA-376 18.8.30. */
			private static final java.util.Set<Integer> CHINESE_DATE_FORMATS = java.util.Set.of(27, 28, 29, 30, 31, 36,
					50, 51, 52, 53, 54, 57, 58);

			private static final byte UNKNOWN = 0;

			private static final byte GENERAL = 1;

			private static final byte DATE = 2;

			private static final byte OTHER = 3;

			private final RowHandler handler;

			private final CountingInputStream counting;

			private final long size;

			private final DiskSharedStrings strings;

			private final StylesTable styles;

			private final boolean date1904;

			private final DataFormatter formatter = new PlainNumbers();

			private byte[] styleKinds = new byte[64];

			private final String[] cells = new String[4];

			private final StringBuilder text = new StringBuilder(64);

			private boolean any;

			private boolean first = true;

			private int row;

			private int column = -1;

			private int nextColumn;

			private String type;

			private int style;

			private boolean hasValue;

			private boolean inText;

			private boolean inInline;

			private int phonetic;

			Sheet(RowHandler handler, CountingInputStream counting, long size, DiskSharedStrings strings,
					StylesTable styles, boolean date1904) {
				this.handler = handler;
				this.counting = counting;
				this.size = size;
				this.strings = strings;
				this.styles = styles;
				this.date1904 = date1904;
			}

			/**
			 * Reads the sheet's events to the end; a DOCTYPE or an entity reference other
			 * than the predefined ones is refused before anything more is read.
			 */
			void read(XMLStreamReader xml) throws XMLStreamException, SAXException {
				while (xml.hasNext()) {
					switch (xml.next()) {
						case XMLStreamConstants.START_ELEMENT -> startElement(xml.getLocalName(), xml);
						case XMLStreamConstants.END_ELEMENT -> endElement(xml.getLocalName());
						case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
							if (wantsText()) {
								this.text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
							}
						}
						case XMLStreamConstants.DTD -> throw new XMLStreamException(
								"DOCTYPE is disallowed: a worksheet declares no document type or entities",
								xml.getLocation());
						case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
								"The entity \"" + xml.getLocalName() + "\" was referenced, but not declared",
								xml.getLocation());
						default -> {
						}
					}
				}
			}

			private boolean wantsText() {
				return this.inText && this.column >= 0 && this.column < 4;
			}

			private void startElement(String local, XMLStreamReader attributes) throws SAXException {
				switch (local) {
					case "row" -> {
						String r = attributes.getAttributeValue(null, "r");
						this.row = (r != null) ? integer(r) : this.row + 1;
						java.util.Arrays.fill(this.cells, null);
						this.any = false;
						this.nextColumn = 0;
					}
					case "c" -> {
						String r = attributes.getAttributeValue(null, "r");
						this.column = (r != null) ? column(r) : this.nextColumn;
						this.nextColumn = this.column + 1;
						this.type = attributes.getAttributeValue(null, "t");
						String s = attributes.getAttributeValue(null, "s");
						this.style = (s != null) ? integer(s) : 0;
						this.hasValue = false;
						this.inInline = false;
						this.phonetic = 0;
						this.text.setLength(0);
					}
					case "v" -> {
						this.inText = true;
						this.hasValue = true;
						this.text.setLength(0);
					}
					case "is" -> {
						this.inInline = true;
						this.hasValue = true;
						this.text.setLength(0);
					}
					case "t" -> this.inText = this.inInline && this.phonetic == 0;
					case "rPh" -> this.phonetic++;
					default -> {
					}
				}
			}

			private void endElement(String local) throws SAXException {
				switch (local) {
					case "v", "t" -> this.inText = false;
					case "rPh" -> this.phonetic--;
					case "is" -> this.inInline = false;
					case "c" -> {
						if (this.hasValue && this.column >= 0 && this.column < 4) {
							String value = value();
							this.cells[this.column] = value;
							if (!value.isBlank()) {
								this.any = true;
							}
						}
						this.column = -1;
					}
					case "row" -> endRow();
					default -> {
					}
				}
			}

			private void endRow() {
				if (!this.any) {
					return;
				}
				String[] row = this.cells.clone();
				if (this.first) {
					this.first = false;
					if (isHeader(row)) {
						return;
					}
				}
				this.handler.row(this.row, row, Math.min(1.0, this.counting.count / (double) this.size));
			}

			private String value() throws SAXException {
				String raw = this.text.toString();
				if (this.type == null || "n".equals(this.type)) {
					return raw.isEmpty() ? raw : numeric(raw);
				}
				return switch (this.type) {
					case "s" -> {
						try {
							yield this.strings.text(Integer.parseInt(raw.strip()));
						}
						catch (IllegalArgumentException ex) {
							throw new SAXException("shared string " + raw + " of row " + this.row + " missing", ex);
						}
					}
					case "b" -> (!raw.isEmpty() && raw.charAt(0) == '0') ? "FALSE" : "TRUE";
					case "e" -> "ERROR:" + raw;
					case "d" -> isoDate(raw);
					default -> raw; // inlineStr, str (a formula's text)
				};
			}

			/** A numeric cell: by its style's number format. */
			private String numeric(String raw) throws SAXException {
				byte kind = kind(this.style);
				if (kind == GENERAL) {
					return plain(raw);
				}
				double value;
				try {
					value = Double.parseDouble(raw);
				}
				catch (NumberFormatException ex) {
					throw new SAXException("not a number in row " + this.row + ": " + raw, ex);
				}
				if (kind == DATE) {
					if (!org.apache.poi.ss.usermodel.DateUtil.isValidExcelDate(value)) {
						return raw;
					}
					return chinese(
							org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(value, this.date1904).toLocalDate());
				}
				org.apache.poi.xssf.usermodel.XSSFCellStyle cellStyle = this.styles.getStyleAt(this.style);
				String format = cellStyle.getDataFormatString();
				return this.formatter.formatRawCellContents(value, cellStyle.getDataFormat(),
						(format != null) ? format : "General", this.date1904);
			}

			/** General, date or another format, once per style. */
			private byte kind(int index) {
				if (this.styles == null || index < 0) {
					return GENERAL;
				}
				if (index >= this.styleKinds.length) {
					this.styleKinds = java.util.Arrays.copyOf(this.styleKinds,
							Math.max(index + 1, this.styleKinds.length * 2));
				}
				byte kind = this.styleKinds[index];
				if (kind == UNKNOWN) {
					kind = GENERAL;
					if (index < this.styles.getNumCellStyles()) {
						org.apache.poi.xssf.usermodel.XSSFCellStyle cellStyle = this.styles.getStyleAt(index);
						int id = cellStyle.getDataFormat();
						String format = cellStyle.getDataFormatString();
						if (CHINESE_DATE_FORMATS.contains(id)
								|| org.apache.poi.ss.usermodel.DateUtil.isADateFormat(id, format)) {
							kind = DATE;
						}
						else if (id != 0 && format != null && !"General".equalsIgnoreCase(format)) {
							kind = OTHER;
						}
					}
					this.styleKinds[index] = kind;
				}
				return kind;
			}

			/**
			 * A number as a plain decimal rounded to Excel's 15 significant digits; the
			 * cell's own text when it is one already (the common case, no arithmetic).
			 */
			static String plain(String raw) {
				int digits = 0;
				int dot = -1;
				for (int i = 0; i < raw.length(); i++) {
					char ch = raw.charAt(i);
					if (ch >= '0' && ch <= '9') {
						digits++;
					}
					else if (ch == '.' && dot < 0) {
						dot = i;
					}
					else if (!(ch == '-' && i == 0)) {
						digits = 99;
						break;
					}
				}
				if (digits == 0 || digits > 15
						|| (dot >= 0 && (dot == raw.length() - 1 || dot == 0 || (dot == 1 && raw.charAt(0) == '-')))) {
					try {
						return PlainNumbers.plain(Double.parseDouble(raw));
					}
					catch (NumberFormatException ex) {
						return raw;
					}
				}
				if (dot < 0) {
					return raw;
				}
				int end = raw.length();
				while (raw.charAt(end - 1) == '0') {
					end--;
				}
				if (end - 1 == dot) {
					end--;
				}
				return raw.substring(0, end);
			}

			private static String isoDate(String raw) {
				try {
					return chinese(java.time.LocalDate.parse(raw.substring(0, Math.min(10, raw.length()))));
				}
				catch (java.time.DateTimeException ex) {
					return raw;
				}
			}

			private static String chinese(java.time.LocalDate date) {
				return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
			}

			private static int integer(String text) throws SAXException {
				try {
					return Integer.parseInt(text);
				}
				catch (NumberFormatException ex) {
					throw new SAXException("not a row or style number: " + text, ex);
				}
			}

		}

		private static String local(String localName, String qName) {
			String name = (localName != null && !localName.isEmpty()) ? localName : qName;
			int colon = name.indexOf(':');
			return (colon >= 0) ? name.substring(colon + 1) : name;
		}

	}

	static final class CountingInputStream extends FilterInputStream {

		long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

	}

}
