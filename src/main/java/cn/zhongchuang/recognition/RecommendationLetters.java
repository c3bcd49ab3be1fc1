package cn.zhongchuang.recognition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The 推荐函 as a printable A4 PDF, in the certificate's embedded font ({@link ChinesePdf}):
 * number, addressee, the title the institution holds, the recommendation, the reasons (as
 * long as they are: further pages when needed), the recommending authority and date.
 */
@Component
class RecommendationLetters {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private static final float MARGIN = 72;

	private final ChinesePdf pdf;

	private final MessageSource messages;

	RecommendationLetters(ChinesePdf pdf, MessageSource messages) {
		this.pdf = pdf;
		this.messages = messages;
	}

	byte[] render(Recommendations.View r, String regionName) {
		String kind = label("rec.kind." + r.kind());
		String from = Recognitions.levelLabel(r.fromLevel());
		String to = Recognitions.levelLabel(r.toLevel());
		List<String> body = new ArrayList<>();
		body.add(r.toAuthority() + "：");
		body.add("　　" + r.institutionName() + "（运营机构：" + r.operatorName() + "，统一社会信用代码 " + r.creditCode() + "，位于"
				+ regionName + "）为我单位认定的" + from + kind + "（称号编号 " + r.fromTitleNumber() + "）。经审核，现推荐该" + kind + "申请"
				+ to + "认定（备案）。");
		body.add("　　推荐理由：");
		for (String paragraph : r.reasons().split("\\R")) {
			body.add("　　" + paragraph.strip());
		}
		body.add("　　特此函告，请予审核。");
		return this.pdf.render("推荐函 " + r.number(), r.institutionName(), (pages) -> {
			ChinesePdf.Text c = pages.newPage();
			float width = pages.width();
			float height = pages.height();
			c.stream().setNonStrokingColor(0.78f, 0.06f, 0.18f);
			c.centered(26, width, height - 110, r.fromAuthority());
			c.centered(22, width, height - 145, "推 荐 函");
			c.stream().setStrokingColor(0.78f, 0.06f, 0.18f);
			c.stream().setLineWidth(1.5f);
			c.stream().moveTo(MARGIN, height - 175);
			c.stream().lineTo(width - MARGIN, height - 175);
			c.stream().stroke();
			c.stream().setNonStrokingColor(0f, 0f, 0f);
			c.centered(12, width, height - 195, r.number());
			float y = height - 235;
			for (String paragraph : body) {
				for (String line : c.wrap(13, width - 2 * MARGIN, paragraph)) {
					if (y < MARGIN + 120) {
						c = pages.newPage();
						y = height - MARGIN;
					}
					c.at(13, MARGIN, y, line);
					y -= 22;
				}
				y -= 6;
			}
			if (y < MARGIN + 120) {
				c = pages.newPage();
				y = height - MARGIN;
			}
			c.right(14, width - MARGIN, y - 40, r.fromAuthority());
			c.right(13, width - MARGIN, y - 64, ZhDates.format(r.submittedOn()));
			c.stream().setNonStrokingColor(0.35f, 0.35f, 0.35f);
			c.at(9, MARGIN, 48, "推荐函编号 " + r.number() + " · 本函由众创孵化载体管理平台生成，推荐结果以" + r.toAuthority() + "的决定为准。");
		});
	}

	private String label(String key) {
		return this.messages.getMessage(key, null, key, ZH);
	}

}
