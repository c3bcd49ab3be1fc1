package cn.zhongchuang.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The names of the objects on one page of the trail: one query per object type present,
 * never one per row. Keys are {@code type:id}.
 */
@Component
class AuditObjects {

	private final Map<String, AuditObjectNames> byType = new HashMap<>();

	AuditObjects(List<AuditObjectNames> sources) {
		sources.forEach((s) -> this.byType.put(s.objectType(), s));
	}

	Map<String, String> namesOf(Collection<StoredEvent> events) {
		Map<String, List<String>> ids = new LinkedHashMap<>();
		for (StoredEvent e : events) {
			if (e.objectType() != null && e.objectId() != null && this.byType.containsKey(e.objectType())) {
				ids.computeIfAbsent(e.objectType(), (t) -> new ArrayList<>()).add(e.objectId());
			}
		}
		Map<String, String> names = new HashMap<>();
		ids.forEach((type,
				list) -> this.byType.get(type).namesOf(list).forEach((id, name) -> names.put(type + ":" + id, name)));
		return names;
	}

}
