package cn.zhongchuang.recognition;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.reference.CreditCodes;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Recognition through its API: numbers gap-free under concurrency, refusals, the event,
 * the certificate with its embedded Chinese font, and the bureau's region scope.
 */
@IntegrationTest
@RecordApplicationEvents
class RecognitionTests {

	static final AtomicLong SUBJECT = new AtomicLong(System.nanoTime() % 1_000_000);

	@Autowired
	Recognitions recognitions;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	static RecognitionRequest request(String name, String authority, String region, int year) {
		long subject = SUBJECT.incrementAndGet();
		return new RecognitionRequest("application", subject, name, name + "运营有限公司",
				CreditCodes.generate("9", "1", "620100", String.format("MB%06d", subject % 1_000_000)), "MAKER_SPACE",
				"COMPREHENSIVE", "CITY", region, "lanzhou-2018", authority, LocalDate.of(year, 6, 1));
	}

	@Test
	void numbersAreConsecutiveAndGapFreeUnderConcurrency() throws Exception {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		String authority = "测试市科学技术局" + SUBJECT.incrementAndGet();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Recognitions.Recognized>> futures = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			RecognitionRequest r = request("并发空间" + i, authority, "620102", 2030);
			futures.add(pool.submit((Callable<Recognitions.Recognized>) () -> this.recognitions.recognize(r, bureau)));
		}
		List<String> numbers = new ArrayList<>();
		for (Future<Recognitions.Recognized> f : futures) {
			numbers.add(f.get().number());
		}
		pool.shutdown();
		String prefix = Recognitions.prefixOf(authority);
		List<String> expected = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			expected.add(String.format("%s〔2030〕第%03d号", prefix, i));
		}
		assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void theNumberFollowsTheAuthorityAndTheCodeIsRandomBase32() {
		assertThat(Recognitions.prefixOf("兰州市科学技术局")).isEqualTo("兰科众");
		assertThat(Recognitions.prefixOf("北京市朝阳区科学技术和信息化局")).isEqualTo("朝科众");
		assertThat(Recognitions.prefixOf("辽宁省科学技术厅")).isEqualTo("辽科众");
		assertThat(Recognitions.newCode()).matches("[A-Z2-7]{12}").isNotEqualTo(Recognitions.newCode());
	}

	@Test
	void aSecondRecognitionOfTheSameSubjectAndBadInputAreRefused() {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		RecognitionRequest r = request("重复空间", "兰州市科学技术局", "620102", 2026);
		Recognitions.Recognized first = this.recognitions.recognize(r, bureau);
		assertThat(first.number()).startsWith("兰科众〔2026〕第");
		assertThat(this.events.stream(Recognitions.InstitutionRecognized.class)
			.anyMatch((e) -> e.number().equals(first.number()) && e.subjectId() == r.subjectId())).isTrue();
		assertThatThrownBy(() -> this.recognitions.recognize(r, bureau)).isInstanceOf(ConflictException.class);

		RecognitionRequest bad = new RecognitionRequest("application", 1, "", "运营", "123", "CASTLE", null, "GALAXY",
				"620102", "no-such-policy", "兰州市科学技术局", null);
		assertThatThrownBy(() -> this.recognitions.recognize(bad, bureau))
			.isInstanceOfSatisfying(FieldErrorException.class, (ex) -> assertThat(ex.errors())
				.containsKeys("institutionName", "creditCode", "kind", "level", "policyId", "recognizedOn"));
	}

	@Test
	void aBureauCannotRecognizeOrSeeOutsideItsRegion() throws Exception {
		var lanzhou = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		var liaoning = this.accounts.create(Role.PROVINCE, "210000").principal();
		assertThatThrownBy(() -> this.recognitions.recognize(request("越界空间", "辽宁省科学技术厅", "620102", 2026), liaoning))
			.isInstanceOf(NotFoundException.class);
		Recognitions.Recognized rec = this.recognitions.recognize(request("城关空间", "兰州市科学技术局", "620102", 2026), lanzhou);
		this.mvc.perform(get("/bureau/recognitions/" + rec.id() + "/certificate.pdf").with(user(liaoning)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/bureau/recognitions").with(user(liaoning)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("城关空间"))));
		this.mvc.perform(get("/bureau/recognitions").param("q", "城关空间").with(user(lanzhou)))
			.andExpect(content().string(containsString("城关空间")));
	}

	@Test
	void theCertificateIsAPdfWithTheChineseNameInAnEmbeddedFont() throws Exception {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		Recognitions.Recognized rec = this.recognitions.recognize(request("黄河之滨创客空间", "兰州市科学技术局", "620102", 2026),
				bureau);
		MvcResult result = this.mvc
			.perform(get("/bureau/recognitions/" + rec.id() + "/certificate.pdf").with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn();
		byte[] pdf = result.getResponse().getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("黄河之滨创客空间")
				.contains(rec.number())
				.contains("兰州市科学技术局")
				.contains(rec.verificationCode())
				.contains("/verify/" + rec.verificationCode());
			List<PDFont> fonts = new ArrayList<>();
			for (var name : doc.getPage(0).getResources().getFontNames()) {
				fonts.add(doc.getPage(0).getResources().getFont(name));
			}
			assertThat(fonts).isNotEmpty().allSatisfy((font) -> {
				assertThat(font).isInstanceOf(PDType0Font.class);
				assertThat(font.isEmbedded()).isTrue();
				assertThat(font.getName()).contains("NotoSansSC");
			});
		}
		assertThat(new ByteArrayInputStream(pdf).readNBytes(5)).isEqualTo("%PDF-".getBytes());
	}

}
