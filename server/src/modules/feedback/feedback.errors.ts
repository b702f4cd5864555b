import { defineErrors } from '../../platform/http/app-error';

export const feedbackErrors = defineErrors('FEEDBACK', {
  REPORT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy phản ánh.',
    en: 'No such report.',
  },
  CATEGORY_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy lĩnh vực phản ánh "{code}".',
    en: 'No such report category "{code}".',
  },
  CATEGORY_INACTIVE: {
    status: 422,
    vi: 'Lĩnh vực phản ánh "{code}" không còn tiếp nhận.',
    en: 'The category "{code}" no longer takes reports.',
  },
  CATEGORY_REQUIRED: {
    status: 422,
    vi: 'Cần phân loại lĩnh vực trước khi chuyển xử lý.',
    en: 'Classify the report before transferring it.',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy dòng định tuyến.',
    en: 'No such routing rule.',
  },
  NO_ROUTE: {
    status: 422,
    vi: 'Chưa có cơ quan xử lý cho lĩnh vực và địa bàn này; hãy chọn cơ quan.',
    en: 'No agency is routed for this category and area; choose one.',
  },
  AGENCY_NOT_FOUND: {
    status: 422,
    vi: 'Cơ quan được chọn không tồn tại hoặc đã ngừng hoạt động.',
    en: 'The chosen agency does not exist or is inactive.',
  },
  INVALID_TRANSITION: {
    status: 409,
    vi: 'Không thể thực hiện thao tác này khi phản ánh đang ở trạng thái "{status}".',
    en: 'This action is not possible while the report is "{status}".',
  },
  STATE_CHANGED: {
    status: 409,
    vi: 'Phản ánh vừa được người khác thay đổi; hãy tải lại.',
    en: 'Someone else just changed the report; reload it.',
  },
  OUTSIDE_SCOPE: {
    status: 403,
    vi: 'Phản ánh này không thuộc cơ quan của bạn.',
    en: 'This report is not assigned to your agency.',
  },
  LOCATION_REQUIRED: {
    status: 400,
    vi: 'Cần vị trí trên bản đồ hoặc địa chỉ.',
    en: 'A map position or an address is required.',
  },
  CONTACT_INVALID: {
    status: 400,
    vi: 'Thông tin liên hệ không hợp lệ.',
    en: 'The contact details are not valid.',
  },
  CONSENT_REQUIRED: {
    status: 400,
    vi: 'Cần đồng ý với điều khoản xử lý thông tin cá nhân khi để lại thông tin liên hệ.',
    en: 'Consent to the processing of personal data is required when leaving contact details.',
  },
  ATTRIBUTE_INVALID: {
    status: 400,
    vi: 'Thông tin bổ sung "{code}" thiếu hoặc không hợp lệ.',
    en: 'The additional field "{code}" is missing or not valid.',
  },
  MERGE_TARGET_INVALID: {
    status: 422,
    vi: 'Không thể gộp vào phản ánh này.',
    en: 'The report cannot be merged into that one.',
  },
  TOKEN_INVALID: {
    status: 403,
    vi: 'Mã xác nhận của phản ánh không đúng hoặc đã hết hạn.',
    en: 'The report token is wrong or has expired.',
  },
  ALREADY_RATED: {
    status: 409,
    vi: 'Kết quả xử lý này đã được đánh giá.',
    en: 'This answer has already been rated.',
  },
  NOT_RATABLE: {
    status: 409,
    vi: 'Chỉ đánh giá được phản ánh đã có kết quả trả lời.',
    en: 'Only an answered report can be rated.',
  },
  EXTENSION_PENDING: {
    status: 409,
    vi: 'Đã có một đề nghị gia hạn đang chờ quyết định.',
    en: 'An extension request is already waiting for a decision.',
  },
  NO_EXTENSION_PENDING: {
    status: 409,
    vi: 'Không có đề nghị gia hạn nào đang chờ.',
    en: 'No extension request is waiting.',
  },
  PHOTO_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy ảnh.',
    en: 'No such photo.',
  },
  PHOTO_TOO_LARGE: {
    status: 413,
    vi: 'Mỗi ảnh tối đa {maxMegabytes} MB.',
    en: 'Each photo may be at most {maxMegabytes} MB.',
  },
  TOO_MANY_PHOTOS: {
    status: 400,
    vi: 'Tối đa {max} ảnh cho mỗi phản ánh.',
    en: 'At most {max} photos per report.',
  },
  PHOTO_TYPE: {
    status: 415,
    vi: 'Chỉ nhận ảnh JPEG, PNG hoặc WebP.',
    en: 'Only JPEG, PNG or WebP photos are accepted.',
  },
  PHOTO_UNREADABLE: {
    status: 400,
    vi: 'Không đọc được ảnh.',
    en: 'The photo cannot be read.',
  },
  PHOTOS_CLOSED: {
    status: 409,
    vi: 'Không thể thêm ảnh vào phản ánh này nữa.',
    en: 'Photos can no longer be added to this report.',
  },
  NOT_MULTIPART: {
    status: 415,
    vi: 'Gửi ảnh bằng multipart/form-data.',
    en: 'Send photos as multipart/form-data.',
  },
});
