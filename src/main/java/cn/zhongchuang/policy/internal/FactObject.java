package cn.zhongchuang.policy.internal;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhongchuang.policy.internal.FactSchema.Field;

/**
 * 一个事实对象：按 {@link FactSchema} 的字段顺序存放在数组里的不可变 {@code Map}（缺少的字段为
 * {@code null}，对外即不存在）。快速求值器在加载时就把 {@code space.totalAreaM2} 解析成下标，求值时 直接取数组元素；CEL-Java
 * 与其他调用方照常把它当作 {@code Map} 使用。
 */
public final class FactObject extends AbstractMap<String, Object> {

	private final Field schema;

	private final Object[] values;

	private final int size;

	FactObject(Field schema, Object[] values) {
		this.schema = schema;
		this.values = values;
		int present = 0;
		for (Object value : values) {
			present += (value != null) ? 1 : 0;
		}
		this.size = present;
	}

	Field schema() {
		return this.schema;
	}

	/** 按下标取值，下标来自 {@link Field#position}。 */
	Object valueAt(int position) {
		return this.values[position];
	}

	/**
	 * 设置（或替换）一个字段后的新对象。
	 * @param name 字段名，必须是结构中的字段
	 * @param value 值
	 * @return 新对象
	 */
	public FactObject with(String name, Object value) {
		int position = this.schema.position(name);
		if (position < 0) {
			throw new IllegalArgumentException("未定义的事实：" + name);
		}
		Object[] copy = Arrays.copyOf(this.values, this.values.length);
		copy[position] = value;
		return new FactObject(this.schema, copy);
	}

	@Override
	public Object get(Object key) {
		int position = this.schema.position(key);
		return (position >= 0) ? this.values[position] : null;
	}

	@Override
	public boolean containsKey(Object key) {
		return get(key) != null;
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public Set<Map.Entry<String, Object>> entrySet() {
		List<Map.Entry<String, Object>> entries = new ArrayList<>(this.size);
		int i = 0;
		for (String name : this.schema.fields().keySet()) {
			if (this.values[i] != null) {
				entries.add(Map.entry(name, this.values[i]));
			}
			i++;
		}
		return new java.util.AbstractSet<>() {

			@Override
			public java.util.Iterator<Map.Entry<String, Object>> iterator() {
				return entries.iterator();
			}

			@Override
			public int size() {
				return entries.size();
			}

		};
	}

}
