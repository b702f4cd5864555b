/**
 * CKAN words its validation messages in English (clients match on them); Vietnamese readers get these
 * known ones translated. Anything else is shown as the server wrote it.
 */
const vietnamese: readonly (readonly [RegExp, string])[] = [
  [/^Missing value$/, 'Vui lòng nhập trường này.'],
  [/^That URL is already in use\.$/, 'Tên rút gọn này đã được dùng cho bộ dữ liệu khác.'],
  [
    /^Must be purely lowercase alphanumeric \(ascii\) characters and these symbols: -_$/,
    'Chỉ dùng chữ thường không dấu (a–z), chữ số và các ký hiệu - _',
  ],
  [/^Name must be at least 2 characters long$/, 'Tên rút gọn cần ít nhất 2 ký tự.'],
  [/^Name must be a maximum of 100 characters long$/, 'Tên rút gọn dài tối đa 100 ký tự.'],
  [/^Date format incorrect$/, 'Ngày không hợp lệ (định dạng YYYY-MM-DD).'],
  [/^End date must not be before the start date$/, 'Ngày kết thúc không được trước ngày bắt đầu.'],
  [/^Organization does not exist$/, 'Cơ quan không tồn tại.'],
  [/^That group name or ID does not exist\.$/, 'Chủ đề không tồn tại.'],
  [/^Value must be one of: (.*)$/, 'Giá trị phải là một trong: $1'],
  [/^Tag "(.+)" length is less than minimum 2$/, 'Từ khóa "$1" cần ít nhất 2 ký tự.'],
  [/^Tag "(.+)" length is more than maximum 100$/, 'Từ khóa "$1" dài tối đa 100 ký tự.'],
  [
    /^Tag "(.+)" must be alphanumeric characters or symbols: -_\.$/,
    'Từ khóa "$1" chỉ gồm chữ, số, khoảng trắng và các ký hiệu - _ .',
  ],
  [/^File upload too large$/, 'Tệp tải lên quá lớn.'],
  [/^Not found.*$/, 'Không tìm thấy.'],
];

export function translateCkanMessage(message: string, locale: string): string {
  if (locale !== 'vi') return message;
  for (const [pattern, text] of vietnamese) if (pattern.test(message)) return message.replace(pattern, text);
  return message;
}
