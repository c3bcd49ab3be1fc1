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

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The rows of an uploaded tax-filing file, streamed: CSV line by line (UTF-8 with or
 * without BOM, or GB18030 when the bytes are not valid UTF-8), XLSX through POI's SAX
 * event API (the first sheet; never a whole workbook in memory). The first line is a
 * header when its first cell names the column. Blank lines are skipped.
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
				// shared strings on disk, not on the heap
				try (DiskSharedStrings strings = DiskSharedStrings.of(pkg, this.tempFiles);
						InputStream sheet = sheets.next()) {
					long size = Math.max(1, sheets.getSheetPart().getSize());
					CountingInputStream counting = new CountingInputStream(sheet);
					XMLReader xml = XMLHelper.newXMLReader();
					Rows rows = new Rows(handler, counting, size);
					xml.setContentHandler(
							new XSSFSheetXMLHandler(styles, null, strings, rows, new PlainNumbers(), false));
					xml.parse(new InputSource(counting));
				}
			}
			catch (OpenXML4JException | SAXException | ParserConfigurationException ex) {
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
					if (Double.isNaN(value) || Double.isInfinite(value)) {
						return String.valueOf(value);
					}
					return java.math.BigDecimal.valueOf(value)
						.round(new java.math.MathContext(15))
						.stripTrailingZeros()
						.toPlainString();
				}
				return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
			}

		}

		/**
		 * The zero-based column of a reference such as {@code C17}; only A–Z matter here,
		 * and parsing it by hand spares a regular expression per cell.
		 */
		static int column(String reference) {
			if (reference == null || reference.length() < 2) {
				return -1;
			}
			char letter = reference.charAt(0);
			return (letter >= 'A' && letter <= 'Z' && Character.isDigit(reference.charAt(1))) ? letter - 'A' : -1;
		}

		/** Collects the cells of each row (columns A–D) and hands non-blank rows on. */
		private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

			private final RowHandler handler;

			private final CountingInputStream counting;

			private final long size;

			private final String[] cells = new String[4];

			private boolean any;

			private boolean first = true;

			Rows(RowHandler handler, CountingInputStream counting, long size) {
				this.handler = handler;
				this.counting = counting;
				this.size = size;
			}

			@Override
			public void startRow(int rowNum) {
				java.util.Arrays.fill(this.cells, null);
				this.any = false;
			}

			@Override
			public void endRow(int rowNum) {
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
				this.handler.row(rowNum + 1, row, Math.min(1.0, this.counting.count / (double) this.size));
			}

			@Override
			public void cell(String cellReference, String formattedValue, XSSFComment comment) {
				int column = column(cellReference);
				if (column >= 0 && column < 4 && formattedValue != null) {
					this.cells[column] = formattedValue;
					if (!formattedValue.isBlank()) {
						this.any = true;
					}
				}
			}

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
