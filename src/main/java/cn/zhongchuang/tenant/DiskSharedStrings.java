package cn.zhongchuang.tenant;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared-strings table kept on disk instead of the heap: POI's
 * {@code ReadOnlySharedStringsTable} holds every string in memory (153 MB of strings took
 * 907 MB of heap). One streaming pass writes each string's UTF-8 bytes to a temporary
 * file (owner-only, deleted on {@link #close}); the heap keeps only an offset per string
 * and the file is read through a memory map, i.e. the operating system's page cache.
 * Phonetic runs ({@code rPh}) are left out, as Excel shows them.
 */
final class DiskSharedStrings implements SharedStrings, Closeable {

	private final Path file;

	private final int[] offsets;

	private final int count;

	private final MappedByteBuffer map;

	private DiskSharedStrings(Path file, int[] offsets, int count, MappedByteBuffer map) {
		this.file = file;
		this.offsets = offsets;
		this.count = count;
		this.map = map;
	}

	/** Reads the package's shared strings into a file created by {@code tempFiles}. */
	static DiskSharedStrings of(OPCPackage pkg, ImportTempFiles tempFiles) throws IOException, SAXException {
		Path file = tempFiles.create("strings-");
		try {
			Collector collector;
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
				collector = new Collector(out);
				for (PackagePart part : pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
					try (InputStream in = part.getInputStream()) {
						XMLReader xml = XMLHelper.newXMLReader();
						xml.setContentHandler(collector);
						xml.parse(new InputSource(in));
					}
					break;
				}
				collector.flushPending();
			}
			catch (ParserConfigurationException ex) {
				throw new IOException(ex);
			}
			MappedByteBuffer map;
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
				map = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
			}
			return new DiskSharedStrings(file, collector.offsets, collector.count, map);
		}
		catch (IOException | SAXException | RuntimeException ex) {
			ImportTempFiles.delete(file);
			throw ex;
		}
	}

	@Override
	public RichTextString getItemAt(int idx) {
		return new XSSFRichTextString(text(idx));
	}

	String text(int idx) {
		if (idx < 0 || idx >= this.count) {
			throw new IllegalArgumentException("no shared string " + idx);
		}
		int start = this.offsets[idx];
		int length = this.offsets[idx + 1] - start;
		byte[] bytes = new byte[length];
		this.map.get(start, bytes, 0, length);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	@Override
	public int getCount() {
		return this.count;
	}

	@Override
	public int getUniqueCount() {
		return this.count;
	}

	@Override
	public void close() {
		ImportTempFiles.delete(this.file);
	}

	/** SAX: the text of each {@code si}, without phonetic runs, appended to the file. */
	private static final class Collector extends DefaultHandler {

		private final OutputStream out;

		int[] offsets = new int[1024];

		int count;

		private int written;

		private final StringBuilder text = new StringBuilder();

		private boolean inSi;

		private boolean inT;

		private int phonetic;

		Collector(OutputStream out) {
			this.out = out;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			String name = local(localName, qName);
			if ("si".equals(name)) {
				this.inSi = true;
				this.text.setLength(0);
			}
			else if ("rPh".equals(name)) {
				this.phonetic++;
			}
			else if ("t".equals(name) && this.inSi && this.phonetic == 0) {
				this.inT = true;
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			String name = local(localName, qName);
			if ("t".equals(name)) {
				this.inT = false;
			}
			else if ("rPh".equals(name)) {
				this.phonetic--;
			}
			else if ("si".equals(name)) {
				this.inSi = false;
				append();
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (this.inT) {
				this.text.append(ch, start, length);
			}
		}

		private void append() throws SAXException {
			byte[] bytes = this.text.toString().getBytes(StandardCharsets.UTF_8);
			if (this.count + 2 > this.offsets.length) {
				this.offsets = Arrays.copyOf(this.offsets, this.offsets.length * 2);
			}
			this.offsets[this.count] = this.written;
			try {
				this.out.write(bytes);
			}
			catch (IOException ex) {
				throw new SAXException(ex);
			}
			this.written = Math.addExact(this.written, bytes.length);
			this.count++;
			this.offsets[this.count] = this.written;
		}

		void flushPending() {
			if (this.offsets.length < this.count + 1) {
				this.offsets = Arrays.copyOf(this.offsets, this.count + 1);
			}
			this.offsets[this.count] = this.written;
		}

		private static String local(String localName, String qName) {
			String name = (localName != null && !localName.isEmpty()) ? localName : qName;
			int colon = name.indexOf(':');
			return (colon >= 0) ? name.substring(colon + 1) : name;
		}

	}

}
