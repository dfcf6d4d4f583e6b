print("salesdesk")
