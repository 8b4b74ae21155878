// The web portal's own styles (portal/ holds what is web-only).
import '../../portal/shell/web.css'
