package cn.zhongchuang.operator;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import cn.zhongchuang.region.Regions;

/**
 * 活动 the space held. Media links are http(s) URLs, one per line. Photos are attachments
 * of the attachment module that point at this record's id ({@code operator_event.id}).
 */
record Event(String title, Type type, LocalDate heldOn, Integer participants, boolean professional,
		String mediaLinks) implements RecordData {

	enum Type {

		ROADSHOW, SALON, LECTURE, BOOTCAMP, FINANCING_MATCH, TRAINING, OTHER

	}

	@Override
	public void validate(Validation v, Regions regions) {
		v.text("title", this.title, "活动名称", 100);
		v.choice("type", this.type, "活动类型");
		v.required("heldOn", this.heldOn, "举办日期");
		v.notNegative("participants", this.participants, "参与人数");
		v.optionalText("mediaLinks", this.mediaLinks, "媒体报道链接", 2000);
		for (String link : links()) {
			if (!isWebLink(link)) {
				v.error("mediaLinks", "链接“" + link + "”无效：只接受 http:// 或 https:// 开头的网址，每行一个");
			}
		}
	}

	@Override
	public String title() {
		return this.title;
	}

	List<String> links() {
		if (this.mediaLinks == null) {
			return List.of();
		}
		return Arrays.stream(this.mediaLinks.split("\\R")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	static boolean isWebLink(String link) {
		try {
			URI uri = new URI(link);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null && !uri.getHost().isBlank();
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

}
